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

export async function locate(deps: InvitationDeps, locator: InvitationLocator): Promise<InvitationRow> {
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
  // The link was mailed to the address, so whoever holds it signed out may see it (to create the
  // account for it); someone signed in as another person is told only that it is not theirs.
  return {
    orgName: await orgName(deps.db, row.org_id),
    inviterName: row.invited_by_name,
    role: row.role,
    status: status as PublicInvitation['status'],
    email: matches || user === null ? row.email : null,
    matchesSignedInUser: matches,
    signedIn: user !== null,
  };
}

/** R18: an unproven address is shown nothing addressed to it. */
export async function myInvitations(deps: InvitationDeps, user: SessionUser): Promise<MyInvitation[]> {
  if (!user.emailVerified) return [];
  return myLiveInvitations(deps.db, user.email.toLowerCase(), deps.clock.now());
}

/**
 * R18: deciding from the inbox needs a proven address. The mailed link is proof of its own
 * address, so deciding through it is allowed, and proves the account's address on the way.
 */
function assertProven(user: SessionUser, locator: InvitationLocator) {
  if (!user.emailVerified && !('token' in locator)) {
    throw new DomainError('EMAIL_NOT_VERIFIED', 'Confirm your email address first: we sent you a link');
  }
}

async function markProvenByLink(ctx: MutationContext, user: SessionUser, locator: InvitationLocator) {
  if (user.emailVerified || !('token' in locator)) return;
  await ctx.tx.updateTable('users').set({ email_verified: true }).where('id', '=', user.id).execute();
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
  const sameLink = 'token' in locator ? isLinkOf(row, hashInvitationToken(locator.token)) : true;
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
  assertProven(user, locator);
  const found = await locate(deps, locator);
  return runMutation(deps, inviteeSpec(user, found, 'invitation.accept'), async (ctx) => {
    const row = await openInvitation(ctx, found, locator, user);
    await markProvenByLink(ctx, user, locator);
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
  assertProven(user, locator);
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

/** Whether a token is still one of the invitation's links (a resent or re-copied one replaced it). */
function isLinkOf(row: InvitationRow | null, tokenHash: string): boolean {
  return row !== null && (row.token_hash === tokenHash || row.link_token_hash === tokenHash);
}
