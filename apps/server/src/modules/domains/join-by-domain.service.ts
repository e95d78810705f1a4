import { randomUUID } from 'node:crypto';
import type { JoinSuggestedOrgResponse, ListSuggestedOrgsResponse } from '@roster/contracts';
import type { SessionUser } from '../../auth/auth.ts';
import { DomainError } from '../../lib/domain-error.ts';
import { runMutation, type MutationContext, type MutationDeps } from '../../mutation/run-mutation.ts';
import { countSeatsUsed } from '../invitations/invitation-lookups.repository.ts';
import { findInvitations } from '../invitations/invitations.repository.ts';
import { assertSeatsAvailable } from '../invitations/invitations.policy.ts';
import { insertInvitations } from '../invitations/invitation-writes.repository.ts';
import { notifyAccess } from '../members/member-conflict.ts';
import { findMember } from '../members/members.repository.ts';
import { readAccount } from '../me/me.repository.ts';
import { domainOf } from './domains.policy.ts';
import { enrollingDomain, orgsEnrollingAt } from './domains.repository.ts';
import { unverified } from './domains.service.ts';

/**
 * `GET /api/me/suggested-orgs`: the active orgs whose verified domain matches the person's
 * verified address, that they are not in yet and hold no invitation to (their inbox offers that
 * one, with its role and workspaces), with whether they already asked.
 */
export async function suggestedOrgs(deps: MutationDeps, user: SessionUser): Promise<ListSuggestedOrgsResponse> {
  const account = await readAccount(deps.db, user.id);
  if (!account?.emailVerified) return { items: [] };
  const enrolling = await orgsEnrollingAt(deps.db, domainOf(account.email));
  if (enrolling.length === 0) return { items: [] };
  const orgIds = enrolling.map((o) => o.orgId);
  const [memberOf, asked] = await Promise.all([
    deps.db
      .selectFrom('org_members')
      .select('org_id')
      .where('user_id', '=', user.id)
      .where('org_id', 'in', orgIds)
      .execute(),
    deps.db
      .selectFrom('invitations')
      .select(['org_id', 'status'])
      .where('email_lower', '=', account.email.toLowerCase())
      .where('status', 'in', ['requested', 'pending'])
      .where('org_id', 'in', orgIds)
      .execute(),
  ]);
  const members = new Set(memberOf.map((m) => m.org_id));
  const requested = new Set(asked.filter((a) => a.status === 'requested').map((a) => a.org_id));
  const invited = new Set(asked.filter((a) => a.status === 'pending').map((a) => a.org_id));
  return {
    items: enrolling
      .filter((o) => !members.has(o.orgId) && !invited.has(o.orgId))
      .map((o) => ({
        orgId: o.orgId,
        orgName: o.orgName,
        domain: o.domain,
        enrollment: o.enrollment as 'suggest' | 'request',
        requested: requested.has(o.orgId),
      })),
  };
}

/**
 * R21: a person with a verified address at an org's verified domain joins it as a MEMBER
 * (`suggest`, taking a seat under the org lock, so two people racing for the last seat get one
 * each at most) or asks its admins (`request`: an invite request they approve as any other).
 * The address is read from the account as it is now, never from the session.
 */
export async function joinSuggestedOrg(
  deps: MutationDeps,
  user: SessionUser,
  orgId: string,
): Promise<JoinSuggestedOrgResponse> {
  const spec = { orgId, user, action: 'domain.join', targetId: user.id, authorize: () => {} };
  return runMutation(deps, spec, async (ctx) => {
    const account = await readAccount(ctx.tx, user.id);
    if (!account?.emailVerified) throw unverified();
    if (ctx.actor.role !== null) {
      throw new DomainError('ALREADY_MEMBER', 'You are already a member of this organization');
    }
    const domain = await enrollingDomain(ctx.tx, orgId, domainOf(account.email));
    if (!domain) throw new DomainError('FORBIDDEN', 'Your address does not let you join this organization');
    const live = await liveInvitationStatus(ctx, account.email);
    if (live === 'pending') {
      // Joining here would take a second seat and drop the role and workspaces the invitation holds.
      throw new DomainError('DUPLICATE_INVITE', 'You have an invitation to this organization: accept it instead');
    }
    if (domain.enrollment === 'request') {
      // A second click finds the request the first one made.
      return live === 'requested' ? { outcome: 'requested', orgId } : askToJoin(ctx, account);
    }
    assertSeatsAvailable(ctx.org.settings.memberCap, await countSeatsUsed(ctx.tx, orgId, ctx.now), 1);
    await ctx.tx
      .insertInto('org_members')
      .values({
        org_id: orgId,
        user_id: user.id,
        role: 'MEMBER',
        lite: false,
        name: account.name,
        email: account.email.toLowerCase(),
        joined_at: ctx.now,
      })
      .execute();
    const member = (await findMember(ctx.tx, orgId, user.id))!;
    await ctx.emit({
      type: 'member.joined',
      targetId: user.id,
      before: null,
      after: member,
      data: { member, viaDomain: domain.domain },
    });
    notifyAccess(ctx, user.id, 'MEMBER', member.workspaces);
    return { outcome: 'joined', orgId };
  });
}

/** The address's live invitation or request to this org, if any (R4 allows one at a time). */
async function liveInvitationStatus(ctx: MutationContext, email: string) {
  const row = await ctx.tx
    .selectFrom('invitations')
    .select('status')
    .where('org_id', '=', ctx.org.id)
    .where('email_lower', '=', email.toLowerCase())
    .where('status', 'in', ['requested', 'pending'])
    .executeTakeFirst();
  return row?.status ?? null;
}

/** The click becomes an invite request for their own address. */
async function askToJoin(
  ctx: MutationContext,
  account: { id: string; name: string; email: string },
): Promise<JoinSuggestedOrgResponse> {
  const emailLower = account.email.toLowerCase();
  // A request holds a seat like an invitation (R5): none is made past the cap.
  assertSeatsAvailable(ctx.org.settings.memberCap, await countSeatsUsed(ctx.tx, ctx.org.id, ctx.now), 1);
  const id = randomUUID();
  await insertInvitations(ctx.tx, [
    {
      id,
      orgId: ctx.org.id,
      email: account.email,
      emailLower,
      role: 'MEMBER',
      lite: false,
      status: 'requested',
      tokenHash: null,
      invitedBy: { id: account.id, name: account.name },
      at: ctx.now,
      expiresAt: null,
      outboxId: null,
    },
  ]);
  const [invitation] = await findInvitations(ctx.tx, ctx.org.id, [id], ctx.now);
  await ctx.emit({
    type: 'invitation.requested',
    targetId: id,
    before: null,
    after: invitation,
    data: { invitation: invitation! },
  });
  return { outcome: 'requested', orgId: ctx.org.id };
}
