import { randomUUID } from 'node:crypto';
import type { CreateInvitations, CreateInvitationsResponse, InviteResultStatus, OrgRole } from '@roster/contracts';
import type { SessionUser } from '../../auth/auth.ts';
import { runMutation, type MutationContext } from '../../mutation/run-mutation.ts';
import { expireInMutation } from './expire-invitations.service.ts';
import { assertWorkspaceRoom } from '../workspaces/workspace-seats.ts';
import { assertOrgWorkspaces, notifyReceived, type InvitationDeps } from './invitation-context.ts';
import {
  countInvitedSince,
  countSeatsUsed,
  countWaitingRequestsBy,
  liveInvitedAddresses,
  memberAddresses,
  orgName,
  ownWorkspaceRoles,
} from './invitation-lookups.repository.ts';
import { freshLink, isMailed, queueLinkMail } from './invitation-link.ts';
import { insertInvitations, replaceGrants, type NewInvitation } from './invitation-writes.repository.ts';
import { findInvitations } from './invitations.repository.ts';
import {
  assertInviteRate,
  assertMayGrant,
  assertRequestQuota,
  assertSeatsAvailable,
  assertTermsAllowed,
  inviteModeFor,
  normalizeEmails,
  type InviteMode,
  type NormalizedEmail,
} from './invitations.policy.ts';
import { rememberIdempotent, replayIdempotent, type IdempotencyScope } from './idempotency.repository.ts';

/**
 * R3, R4, R5, R11, R14, R17: invites (or, under `members_request`, requests) every new address
 * of the batch in one transaction, with its mail queued in the same transaction.
 */
export async function createInvitations(
  deps: InvitationDeps,
  user: SessionUser,
  orgId: string,
  body: CreateInvitations,
  idempotencyKey?: string,
): Promise<CreateInvitationsResponse> {
  let mode: InviteMode = 'invite';
  const authorize = (actor: { role: OrgRole | null }, org: MutationContext['org']) => {
    mode = inviteModeFor(actor.role, org.settings.invitePolicy, body.role);
  };
  return runMutation(deps, { orgId, user, action: 'invitation.create', authorize }, async (ctx) => {
    const scope: IdempotencyScope | null = idempotencyKey
      ? { orgId, actorId: user.id, key: idempotencyKey, request: body }
      : null;
    const replay = scope ? await replayIdempotent<CreateInvitationsResponse>(ctx.tx, scope) : null;
    if (replay) return replay;
    const response = await inviteInMutation(deps, ctx, body, mode);
    if (scope) await rememberIdempotent(ctx.tx, scope, response, ctx.now);
    return response;
  });
}

/** What a revert passes through to the events it writes: the change it undoes. */
export interface RevertLink {
  revertOf: number;
  revertedAction: string;
}

/**
 * The invitations (or requests) of one batch, inside a change that holds the org lock: every rule
 * of an invitation (R3, R4, R5, R11, R17), whoever invites (an admin, a member's request, a revert
 * of a revoke from the audit log).
 */
export async function inviteInMutation(
  deps: InvitationDeps,
  ctx: MutationContext,
  body: CreateInvitations,
  mode: InviteMode,
  revert?: RevertLink,
): Promise<CreateInvitationsResponse> {
  const orgId = ctx.org.id;
  const grants = body.workspaces ?? [];
  assertTermsAllowed(body.role, body.lite ?? false, grants);
  await assertOrgWorkspaces(ctx, grants);
  const workspaceIds = grants.map((g) => g.workspaceId);
  assertMayGrant(ctx.actor.role, await ownWorkspaceRoles(ctx.tx, ctx.actor.id, workspaceIds), grants);
  const addresses = normalizeEmails(body.emails);
  const statuses = await classify(ctx, addresses);
  const fresh = addresses.filter((a) => statuses.get(a.lower) === 'new');
  const hourAgo = new Date(ctx.now.getTime() - 3_600_000);
  assertInviteRate(await countInvitedSince(ctx.tx, orgId, ctx.actor.id, hourAgo), fresh.length);
  if (mode === 'request') {
    // Counted under the org lock: two racing requests cannot both take the last place.
    const waiting = await countWaitingRequestsBy(ctx.tx, orgId, ctx.actor.id);
    assertRequestQuota(ctx.org.settings.maxPendingRequestsPerMember, waiting, fresh.length);
  }
  assertSeatsAvailable(ctx.org.settings.memberCap, await countSeatsUsed(ctx.tx, orgId, ctx.now), fresh.length);
  const cap = ctx.org.settings.workspaceMemberCap;
  await assertWorkspaceRoom(ctx.tx, { cap, workspaceIds, adding: fresh.length, now: ctx.now });
  const ids = await writeInvitations(deps, ctx, fresh, body, mode, revert);
  const done: InviteResultStatus = mode === 'invite' ? 'invited' : 'requested';
  return {
    results: addresses.map((a) => {
      const status = statuses.get(a.lower)!;
      return status === 'new'
        ? { email: a.email, status: done, invitationId: ids.get(a.lower)! }
        : { email: a.email, status };
    }),
  };
}

/** R4 per address. A pending invitation past expiry is expired first, so it never blocks a new one. */
async function classify(ctx: MutationContext, addresses: NormalizedEmail[]) {
  const valid = addresses.filter((a) => a.valid).map((a) => a.lower);
  await expireInMutation(ctx, valid);
  const live = await liveInvitedAddresses(ctx.tx, ctx.org.id, valid);
  const members = await memberAddresses(ctx.tx, ctx.org.id, valid);
  const statuses = new Map<string, Exclude<InviteResultStatus, 'invited' | 'requested'> | 'new'>();
  for (const a of addresses) {
    if (!a.valid) statuses.set(a.lower, 'invalid');
    else if (members.has(a.lower)) statuses.set(a.lower, 'already_member');
    else if (live.has(a.lower)) statuses.set(a.lower, 'duplicate');
    else statuses.set(a.lower, 'new');
  }
  return statuses;
}

/** Rows, grants, mails (invitations only; requests get no token, mail or expiry) and one event each. */
async function writeInvitations(
  deps: InvitationDeps,
  ctx: MutationContext,
  fresh: NormalizedEmail[],
  body: CreateInvitations,
  mode: InviteMode,
  revert: RevertLink | undefined,
): Promise<Map<string, string>> {
  if (fresh.length === 0) return new Map();
  const inviting = mode === 'invite';
  const rows = fresh.map((a) => {
    const link = inviting ? freshLink(ctx, true) : null;
    const row: NewInvitation = {
      id: randomUUID(),
      orgId: ctx.org.id,
      email: a.email,
      emailLower: a.lower,
      role: body.role,
      lite: body.lite ?? false,
      status: inviting ? 'pending' : 'requested',
      tokenHash: link?.hash ?? null,
      invitedBy: { id: ctx.actor.id, name: ctx.actor.name },
      at: ctx.now,
      expiresAt: link?.expiresAt ?? null,
      outboxId: link?.outboxId ?? null,
    };
    return { row, link };
  });
  await insertInvitations(
    ctx.tx,
    rows.map((r) => r.row),
  );
  await replaceGrants(
    ctx.tx,
    rows.map((r) => r.row.id),
    body.workspaces ?? [],
  );
  const name = await orgName(ctx.tx, ctx.org.id);
  for (const { row, link } of rows) {
    if (!link || !isMailed(link)) continue;
    const facts = { invitationId: row.id, to: row.email, inviterName: row.invitedBy.name, role: row.role };
    await queueLinkMail(deps, ctx, name, facts, link);
  }
  for (const invitation of await findInvitations(
    ctx.tx,
    ctx.org.id,
    rows.map((r) => r.row.id),
    ctx.now,
  )) {
    const type = inviting ? 'invitation.created' : 'invitation.requested';
    await ctx.emit({ type, targetId: invitation.id, before: null, after: invitation, data: { invitation, ...revert } });
  }
  if (inviting) {
    for (const { row } of rows) await notifyReceived(ctx, row.emailLower, [row.id]);
  }
  return new Map(rows.map((r) => [r.row.emailLower, r.row.id]));
}
