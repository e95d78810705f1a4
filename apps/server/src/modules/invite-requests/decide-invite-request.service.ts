import type { ApproveInviteRequest, Invitation, InviteRequestOutcome, RejectInviteRequest } from '@roster/contracts';
import type { SessionUser } from '../../auth/auth.ts';
import type { InvitationRow } from '../../db/schema.ts';
import { DomainError, notFound } from '../../lib/domain-error.ts';
import { runMutation, type MutationContext } from '../../mutation/run-mutation.ts';
import { authorizeAdmin } from '../members/members.policy.ts';
import {
  assertOrgWorkspaces,
  notifyReceived,
  versionConflict,
  type InvitationDeps,
} from '../invitations/invitation-context.ts';
import { freshLink, queueLinkMail } from '../invitations/invitation-link.ts';
import { countSeatsUsed, memberAddresses, orgName } from '../invitations/invitation-lookups.repository.ts';
import { replaceGrants } from '../invitations/invitation-writes.repository.ts';
import { findInvitation, findInvitationRow } from '../invitations/invitations.repository.ts';
import { approveRequest, myInviteRequests, rejectRequest, standingOf } from './invite-requests.repository.ts';
import { approvedTerms, assertSeatForApproval, assertUndecided, rejectionReason } from './invite-requests.policy.ts';

type Target = { user: SessionUser; orgId: string; id: string };

const spec = ({ user, orgId, id }: Target, how: 'approve' | 'reject') => ({
  orgId,
  user,
  action: `invite_request.${how}`,
  targetId: id,
  authorize: authorizeAdmin,
});

/** R3, R5, R11: the request becomes a pending invitation with a link and mail, like a created one. */
export async function approveInviteRequest(deps: InvitationDeps, target: Target, body: ApproveInviteRequest) {
  return runMutation(deps, spec(target, 'approve'), async (ctx) => {
    const row = await lockedRequest(ctx, target.id, body.version);
    const before = (await findInvitation(ctx.tx, ctx.org.id, row.id, ctx.now))!;
    const proposed = before.workspaces.map((w) => ({ workspaceId: w.id, role: w.role }));
    const terms = approvedTerms({ role: row.role, lite: row.lite, grants: proposed }, body);
    await assertOrgWorkspaces(ctx, terms.grants);
    if ((await memberAddresses(ctx.tx, ctx.org.id, [row.email_lower])).size > 0) {
      throw new DomainError('ALREADY_MEMBER', `${row.email} is already a member of this organization`);
    }
    assertSeatForApproval(ctx.org.settings.memberCap, await countSeatsUsed(ctx.tx, ctx.org.id, ctx.now));
    const link = freshLink(ctx, true);
    const by = { id: ctx.actor.id, name: ctx.actor.name };
    const approval = { id: row.id, version: row.version, role: terms.role, lite: terms.lite, by, at: ctx.now };
    const linked = { ...approval, tokenHash: link.hash, expiresAt: link.expiresAt, outboxId: link.outboxId };
    if (!(await approveRequest(ctx.tx, linked))) throw await versionConflict(ctx, row.id);
    if (body.workspaces) await replaceGrants(ctx.tx, [row.id], body.workspaces);
    // The mail names the member who proposed the invitation, as the invitations list does.
    const facts = { invitationId: row.id, to: row.email, inviterName: row.invited_by_name, role: terms.role };
    await queueLinkMail(deps, ctx, await orgName(ctx.tx, ctx.org.id), facts, link);
    const invitation = await emitDecision(ctx, row, before, 'approved', null);
    await notifyReceived(ctx, row.email_lower, [row.id]);
    return invitation;
  });
}

/** Terminal; the address is free for a new invitation at once. */
export async function rejectInviteRequest(deps: InvitationDeps, target: Target, body: RejectInviteRequest) {
  return runMutation(deps, spec(target, 'reject'), async (ctx) => {
    const row = await lockedRequest(ctx, target.id, body.version);
    const before = await findInvitation(ctx.tx, ctx.org.id, row.id, ctx.now);
    const reason = rejectionReason(body.reason);
    const by = { id: ctx.actor.id, name: ctx.actor.name };
    const rejection = { id: row.id, version: row.version, reason, by, at: ctx.now };
    if (!(await rejectRequest(ctx.tx, rejection))) throw await versionConflict(ctx, row.id);
    return emitDecision(ctx, row, before, 'rejected', reason);
  });
}

/** Under the lock: a request of this org, still undecided (ALREADY_DECIDED wins), then the version. */
async function lockedRequest(ctx: MutationContext, id: string, version: number): Promise<InvitationRow> {
  const row = await findInvitationRow(ctx.tx, id);
  if (!row || row.org_id !== ctx.org.id || !row.was_requested) throw notFound('That request');
  assertUndecided(standingOf(row, ctx.now));
  if (row.version !== version) throw await versionConflict(ctx, id);
  return row;
}

/** The audit/event row for admins, and the requester's own tabs told what became of their request. */
async function emitDecision(
  ctx: MutationContext,
  row: InvitationRow,
  before: Invitation | null,
  outcome: InviteRequestOutcome,
  reason: string | null,
): Promise<Invitation> {
  const invitation = (await findInvitation(ctx.tx, ctx.org.id, row.id, ctx.now))!;
  const decision = {
    outcome,
    decidedBy: { id: ctx.actor.id, name: ctx.actor.name },
    decidedAt: ctx.now.toISOString(),
    reason,
  };
  const type = outcome === 'approved' ? 'invite_request.approved' : 'invite_request.rejected';
  await ctx.emit({ type, targetId: row.id, before, after: invitation, data: { invitation, decision } });
  const [request] = await myInviteRequests(ctx.tx, row.invited_by, ctx.now, { id: row.id });
  if (request) ctx.notify(row.invited_by, { type: 'invite_request.decided', data: { request } });
  return invitation;
}
