import type { Invitation, InvitationLink, UpdateInvitation } from '@roster/contracts';
import type { SessionUser } from '../../auth/auth.ts';
import { DomainError } from '../../lib/domain-error.ts';
import { runMutation } from '../../mutation/run-mutation.ts';
import {
  assertOrgWorkspaces,
  emitInvitation,
  lockedInvitation,
  notifyReceived,
  notifyWithdrawn,
  versionConflict,
  type InvitationDeps,
} from './invitation-context.ts';
import { authorizeAdmin } from '../members/members.policy.ts';
import { assertCanEdit, assertCanIssueLink, assertCanRevoke } from './invitation-states.policy.ts';
import { orgName } from './invitation-lookups.repository.ts';
import { freshLink, isMailed, queueLinkMail } from './invitation-link.ts';
import { invitationUrl } from './invitation-token.ts';
import { decideInvitation, issueNewLink, replaceGrants, updateTerms } from './invitation-writes.repository.ts';
import { findInvitation, statusOf } from './invitations.repository.ts';
import { assertResendAllowed, assertTermsAllowed } from './invitations.policy.ts';

type Target = { user: SessionUser; orgId: string; id: string };
export type Reissue = 'resend' | 'renew' | 'link';

const reissueEvent = {
  resend: 'invitation.resent',
  renew: 'invitation.renewed',
  link: 'invitation.link_issued',
} as const;

/**
 * R6: a new token, the TTL restarted from now, back to pending. Resend and renew mail it (with a
 * cooldown) and the previously mailed link dies; `link` hands it to the admin instead, and only a
 * link copied earlier dies: the mailed one keeps working.
 */
export async function reissueInvitation(
  deps: InvitationDeps,
  { user, orgId, id }: Target,
  version: number | undefined,
  how: Reissue,
): Promise<InvitationLink> {
  const spec = { orgId, user, action: `invitation.${how}`, targetId: id, authorize: authorizeAdmin };
  return runMutation(deps, spec, async (ctx) => {
    const row = await lockedInvitation(ctx, id, version);
    assertCanIssueLink(statusOf(row, ctx.now));
    if (how !== 'link') assertResendAllowed(row.last_sent_at ? new Date(row.last_sent_at) : null, ctx.now);
    const before = await findInvitation(ctx.tx, orgId, id, ctx.now);
    const link = freshLink(ctx, how !== 'link');
    // A new mail supersedes one still queued; a copied link leaves the mail alone.
    if (isMailed(link)) await deps.mailQueue.cancelInvitationMail(ctx.tx, id);
    const by = { id: ctx.actor.id, name: ctx.actor.name };
    const { hash: tokenHash, expiresAt, outboxId } = link;
    const change = { id, version: row.version, tokenHash, expiresAt, by, at: ctx.now, outboxId };
    if (!(await issueNewLink(ctx.tx, change))) throw await versionConflict(ctx, id);
    if (isMailed(link)) {
      const facts = { invitationId: id, to: row.email, inviterName: row.invited_by_name, role: row.role };
      await queueLinkMail(deps, ctx, await orgName(ctx.tx, orgId), facts, link);
    }
    const invitation = await emitInvitation(ctx, reissueEvent[how], id, before);
    await notifyReceived(ctx, row.email_lower, [id]);
    return { url: invitationUrl(deps.publicUrl, link.token), invitation };
  });
}

/** The link stops working at once; queued mail for it is dropped. */
export async function revokeInvitation(deps: InvitationDeps, target: Target, version: number): Promise<Invitation> {
  const { user, orgId, id } = target;
  const spec = { orgId, user, action: 'invitation.revoke', targetId: id, authorize: authorizeAdmin };
  return runMutation(deps, spec, async (ctx) => {
    const row = await lockedInvitation(ctx, id, version);
    assertCanRevoke(statusOf(row, ctx.now));
    const before = await findInvitation(ctx.tx, orgId, id, ctx.now);
    await deps.mailQueue.cancelInvitationMail(ctx.tx, id);
    const by = { id: ctx.actor.id, name: ctx.actor.name };
    const revoked = await decideInvitation(ctx.tx, { id, from: ['pending', 'expired'], to: 'revoked', by }, ctx.now, {
      version,
    });
    if (!revoked) throw await versionConflict(ctx, id);
    await notifyWithdrawn(ctx, row.email_lower, id, 'revoked');
    return emitInvitation(ctx, 'invitation.revoked', id, before);
  });
}

/** Role, lite and grants of a live invitation or request (R3, R11 apply as on creation). */
export async function updateInvitation(
  deps: InvitationDeps,
  target: Target,
  body: UpdateInvitation,
): Promise<Invitation> {
  const { user, orgId, id } = target;
  const spec = { orgId, user, action: 'invitation.update', targetId: id, authorize: authorizeAdmin };
  return runMutation(deps, spec, async (ctx) => {
    const row = await lockedInvitation(ctx, id, body.version);
    assertCanEdit(statusOf(row, ctx.now));
    const before = (await findInvitation(ctx.tx, orgId, id, ctx.now))!;
    const role = body.role ?? row.role;
    const lite = body.lite ?? row.lite;
    const grants = body.workspaces ?? before.workspaces.map((w) => ({ workspaceId: w.id, role: w.role }));
    if (row.status === 'requested' && role === 'ADMIN') {
      throw new DomainError('VALIDATION_FAILED', 'A request can only carry the Member or External role', {
        field: 'role',
      });
    }
    assertTermsAllowed(role, lite, grants);
    await assertOrgWorkspaces(ctx, grants);
    const by = { id: ctx.actor.id, name: ctx.actor.name };
    const change = { id, version: body.version, role, lite, by, at: ctx.now };
    if (!(await updateTerms(ctx.tx, change))) throw await versionConflict(ctx, id);
    if (body.workspaces) await replaceGrants(ctx.tx, [id], body.workspaces);
    const invitation = await emitInvitation(ctx, 'invitation.updated', id, before);
    if (row.status === 'pending') await notifyReceived(ctx, row.email_lower, [id]);
    return invitation;
  });
}
