import type { Invitation, InvitationEventType, InvitationGrantInput } from '@roster/contracts';
import type { SessionUser } from '../../auth/auth.ts';
import type { InvitationRow } from '../../db/schema.ts';
import { DomainError, notFound } from '../../lib/domain-error.ts';
import type { MailQueue } from '../../mail/mail-queue.ts';
import type { MutationContext, MutationDeps } from '../../mutation/run-mutation.ts';
import { myLiveInvitations, orgWorkspaceIds, userIdsByEmail } from './invitation-lookups.repository.ts';
import { findInvitation, findInvitationRow } from './invitations.repository.ts';

/** What the invitation services need beyond the mutation path. */
export interface InvitationDeps extends MutationDeps {
  mailQueue: MailQueue;
  /** The app's public URL, for invitation links. */
  publicUrl: string;
}

/** The actor of changes nobody asked for (expiry, mail delivery), as the audit log names it. */
export const systemUser: SessionUser = {
  id: 'system',
  name: 'Roster',
  email: 'system@roster.invalid',
  emailVerified: true,
  twoFactorEnabled: false,
  sessionId: 'system',
};

/** For changes that check their own right inside (the invitee, the system): lets the actor in. */
export function authorizeInside(): void {}

/** The row as it is under the lock; a stale `version` is a conflict that shows who changed it. */
export async function lockedInvitation(ctx: MutationContext, id: string, version?: number): Promise<InvitationRow> {
  const row = await findInvitationRow(ctx.tx, id);
  if (!row || row.org_id !== ctx.org.id) throw notFound('That invitation');
  if (version !== undefined && row.version !== version) throw await versionConflict(ctx, id);
  return row;
}

export async function versionConflict(ctx: MutationContext, id: string): Promise<DomainError> {
  const current = await findInvitation(ctx.tx, ctx.org.id, id, ctx.now);
  if (!current) return notFound('That invitation');
  const who = current.lastChange?.by.name ?? 'Someone';
  return new DomainError(
    'VERSION_CONFLICT',
    `${who} changed the invitation for ${current.email} in the meantime; your change was not applied`,
    { current, changedBy: current.lastChange?.by ?? null, changedAt: current.lastChange?.at ?? null },
  );
}

/** Appends the audit/event row of one invitation (R14: one per invitation) and returns it as shown. */
export async function emitInvitation(
  ctx: MutationContext,
  type: InvitationEventType,
  id: string,
  before: Invitation | null,
): Promise<Invitation> {
  const invitation = (await findInvitation(ctx.tx, ctx.org.id, id, ctx.now))!;
  await ctx.emit({ type, targetId: id, before, after: invitation, data: { invitation } });
  return invitation;
}

/** Pushes the invitation to the invitee's own tabs, when they have an account. */
export async function notifyReceived(ctx: MutationContext, emailLower: string, ids: string[]): Promise<void> {
  const userId = (await userIdsByEmail(ctx.tx, [emailLower])).get(emailLower);
  if (!userId) return;
  for (const invitation of await myLiveInvitations(ctx.tx, emailLower, ctx.now, ids)) {
    ctx.notify(userId, { type: 'invitation.received', data: { invitation } });
  }
}

/** Tells the invitee's tabs that an invitation left their inbox. */
export async function notifyWithdrawn(
  ctx: MutationContext,
  emailLower: string,
  invitationId: string,
  reason: 'revoked' | 'expired' | 'accepted' | 'declined',
): Promise<void> {
  const userId = (await userIdsByEmail(ctx.tx, [emailLower])).get(emailLower);
  if (userId) ctx.notify(userId, { type: 'invitation.withdrawn', data: { invitationId, reason } });
}

/** Grants may only name workspaces of this org. */
export async function assertOrgWorkspaces(ctx: MutationContext, grants: InvitationGrantInput[]) {
  const ids = grants.map((g) => g.workspaceId);
  const known = await orgWorkspaceIds(ctx.tx, ctx.org.id, ids);
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length) {
    throw new DomainError('VALIDATION_FAILED', 'Some workspaces do not belong to this organization', {
      field: 'workspaces',
      workspaceIds: unknown,
    });
  }
}
