import type { AcceptInvitationResponse, MyInvitation, PublicInvitation } from '@roster/contracts';
import type { SessionUser } from '../../auth/auth.ts';
import type { InvitationRow } from '../../db/schema.ts';
import { DomainError, notFound } from '../../lib/domain-error.ts';
import { runMutation, type MutationContext } from '../../mutation/run-mutation.ts';
import { authorizeInside, emitInvitation, notifyWithdrawn, type InvitationDeps } from './invitation-context.ts';
import { myLiveInvitations, orgName } from './invitation-lookups.repository.ts';
import { assertOpenForInvitee, assertRecipient } from './invitation-states.policy.ts';
import { hashInvitationToken, looksLikeInvitationToken } from './invitation-token.ts';
import { decideInvitation } from './invitation-writes.repository.ts';
import { findInvitationRow, findInvitationRowByTokenHash, statusOf } from './invitations.repository.ts';
import { joinFromInvitation } from './join-org.ts';

/** How the invitee names an invitation: the link's token, or its id from their inbox. */
export type InvitationLocator = { token: string } | { id: string };

async function locate(deps: InvitationDeps, locator: InvitationLocator): Promise<InvitationRow> {
  const row =
    'token' in locator
      ? looksLikeInvitationToken(locator.token)
        ? await findInvitationRowByTokenHash(deps.db, hashInvitationToken(locator.token))
        : null
      : await findInvitationRow(deps.db, locator.id);
  if (!row) throw notFound('This invitation');
  return row;
}

/** The public page of a link: enough to decide, nothing about anyone else. */
export async function viewInvitation(
  deps: InvitationDeps,
  user: SessionUser | null,
  token: string,
): Promise<PublicInvitation> {
  const row = await locate(deps, { token });
  const status = statusOf(row, deps.clock.now());
  if (status !== 'accepted' && status !== 'declined') assertOpenForInvitee(status);
  const matches = user !== null && user.email.toLowerCase() === row.email_lower;
  return {
    orgName: await orgName(deps.db, row.org_id),
    inviterName: row.invited_by_name,
    role: row.role,
    status: status as PublicInvitation['status'],
    email: matches ? row.email : null,
    matchesSignedInUser: matches,
    signedIn: user !== null,
  };
}

export async function myInvitations(deps: InvitationDeps, user: SessionUser): Promise<MyInvitation[]> {
  return myLiveInvitations(deps.db, user.email.toLowerCase(), deps.clock.now());
}

/**
 * R7 under the org lock: the invitation as it is now (a resent link's old token no longer
 * finds it), still open, and addressed to the signed-in person.
 */
async function openInvitation(
  ctx: MutationContext,
  found: InvitationRow,
  locator: InvitationLocator,
  user: SessionUser,
) {
  const row = await findInvitationRow(ctx.tx, found.id);
  const sameLink = 'token' in locator ? row?.token_hash === found.token_hash : true;
  if (!row || !sameLink) throw notFound('This invitation');
  assertOpenForInvitee(statusOf(row, ctx.now));
  assertRecipient(row.email_lower, user.email);
  return row;
}

/**
 * The runMutation authorizer checks org membership, which an invitee does not have yet: it lets
 * them in, and the invitation itself is checked inside, under the lock.
 */
function inviteeSpec(user: SessionUser, row: InvitationRow, action: string) {
  return { orgId: row.org_id, user, action, targetId: row.id, authorize: authorizeInside };
}

export async function acceptInvitation(
  deps: InvitationDeps,
  user: SessionUser,
  locator: InvitationLocator,
): Promise<AcceptInvitationResponse> {
  const found = await locate(deps, locator);
  return runMutation(deps, inviteeSpec(user, found, 'invitation.accept'), async (ctx) => {
    const row = await openInvitation(ctx, found, locator, user);
    const joined = await joinFromInvitation(ctx, row, user);
    await notifyWithdrawn(ctx, row.email_lower, row.id, 'accepted');
    return { orgId: row.org_id, role: joined.role, alreadyMember: joined.alreadyMember };
  });
}

export async function declineInvitation(
  deps: InvitationDeps,
  user: SessionUser,
  locator: InvitationLocator,
): Promise<void> {
  const found = await locate(deps, locator);
  await runMutation(deps, inviteeSpec(user, found, 'invitation.decline'), async (ctx) => {
    const row = await openInvitation(ctx, found, locator, user);
    const by = { id: ctx.actor.id, name: ctx.actor.name };
    const change = { id: row.id, from: ['pending' as const], to: 'declined' as const, by };
    if (!(await decideInvitation(ctx.tx, change, ctx.now, { liveAt: ctx.now }))) {
      throw new DomainError('ALREADY_DECIDED', 'This invitation was already used');
    }
    await emitInvitation(ctx, 'invitation.declined', row.id, null);
    await notifyWithdrawn(ctx, row.email_lower, row.id, 'declined');
  });
}
