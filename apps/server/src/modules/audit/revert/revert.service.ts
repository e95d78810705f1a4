import type { RevertAuditEntry, RevertAuditEntryResponse } from '@roster/contracts';
import type { SessionUser } from '../../../auth/auth.ts';
import { notFound } from '../../../lib/domain-error.ts';
import { runMutation, type MutationContext } from '../../../mutation/run-mutation.ts';
import { findEventById, findRevertOf, type RecordedEvent } from '../../events/recorded-events.repository.ts';
import type { InvitationDeps } from '../../invitations/invitation-context.ts';
import { revertInvitationRevoke } from '../../invitations/invitation-revert.ts';
import { revertRemoval, revertRoleChange } from '../../members/member-revert.ts';
import { authorizeAdmin } from '../../members/members.policy.ts';
import { revertSettingsChange } from '../../settings/settings-revert.ts';
import { revertWorkspaceChange } from '../../workspaces/workspace-revert.ts';
import { auditRowBySeq } from '../audit.repository.ts';
import { toEntries } from '../audit.service.ts';
import { assertRevertible, type RevertibleType } from './revert.policy.ts';

/**
 * Reverts one change from the audit log (R24, ADR 22): an ordinary change on the one road
 * (admins, the org lock, the rules of the edit it undoes, versioned, audited, live), whose own
 * entry names the one it undid. Returns that entry.
 */
export async function revertAuditEntry(
  deps: InvitationDeps,
  user: SessionUser,
  orgId: string,
  entryId: string,
  body: RevertAuditEntry,
): Promise<RevertAuditEntryResponse> {
  const spec = { orgId, user, action: 'audit.revert', authorize: authorizeAdmin };
  const revertedSeq = await runMutation(deps, spec, async (ctx) => {
    const change = await findEventById(ctx.tx, orgId, entryId);
    if (!change) throw notFound('That entry');
    assertRevertible(change.type, await findRevertOf(ctx.tx, orgId, change.seq));
    await revertChange(deps, ctx, { ...change, type: change.type }, body.version);
    return change.seq;
  });
  const revert = (await findRevertOf(deps.db, orgId, revertedSeq))!;
  const [entry] = await toEntries(deps.db, orgId, [(await auditRowBySeq(deps.db, orgId, revert.seq))!]);
  return { entry: entry! };
}

/** The inverse of each kind of change, each written beside the edit it undoes. */
async function revertChange(
  deps: InvitationDeps,
  ctx: MutationContext,
  change: RecordedEvent & { type: RevertibleType },
  version: number | undefined,
): Promise<void> {
  switch (change.type) {
    case 'member.role_changed':
      await revertRoleChange(ctx, change, version);
      return;
    case 'member.removed':
      await revertRemoval(ctx, change);
      return;
    case 'workspace.member_added':
    case 'workspace.member_role_changed':
    case 'workspace.member_removed':
      await revertWorkspaceChange(ctx, { ...change, type: change.type }, version);
      return;
    case 'settings.updated':
      await revertSettingsChange(ctx, change, version);
      return;
    case 'invitation.revoked':
      await revertInvitationRevoke(deps, ctx, change);
  }
}
