import { WorkspaceMemberChangedDataSchema, WorkspaceRoleSchema } from '@roster/contracts';
import { z } from 'zod';
import { DomainError } from '../../lib/domain-error.ts';
import type { MutationContext } from '../../mutation/run-mutation.ts';
import type { RecordedEvent } from '../events/recorded-events.repository.ts';
import { notRevertible } from '../members/member-undo.policy.ts';
import { findMember } from '../members/members.repository.ts';
import { assertWithinCeiling } from './workspace-ceiling.policy.ts';
import { emitWorkspaceChange, workspaceConflict, type WorkspaceMemberChange } from './workspace-member-events.ts';
import { assertWorkspaceRoom } from './workspace-seats.ts';
import * as repo from './workspaces.repository.ts';

/** The role side of a workspace change's audit row (`before` or `after`). */
const GrantSchema = z.object({ workspaceId: z.string(), role: WorkspaceRoleSchema });

function grantBefore(change: RecordedEvent) {
  const grant = GrantSchema.safeParse(change.before);
  if (!grant.success) throw notRevertible('not_undoable', 'This change cannot be reverted');
  return grant.data;
}

/**
 * Undoes a workspace role given, changed or taken (ADR 22), by an org admin from the audit log:
 * take it back, set it back, give it back. Under the same rules as an edit (the external ceiling,
 * the workspace's seat cap), versioned like one: without `version` the place must still be as the
 * change left it.
 */
export async function revertWorkspaceChange(
  ctx: MutationContext,
  change: RecordedEvent & { type: WorkspaceMemberChange },
  version?: number,
): Promise<number> {
  const data = WorkspaceMemberChangedDataSchema.safeParse(change.data);
  if (!data.success) throw notRevertible('not_undoable', 'This change cannot be reverted');
  const { workspaceId, userId, workspaceMember: left, member: then } = data.data;
  const workspace = await repo.findWorkspace(ctx.tx, ctx.org.id, workspaceId);
  if (!workspace) throw notRevertible('workspace_deleted', 'That workspace was deleted since');
  const current = await repo.findWorkspaceMember(ctx.tx, workspaceId, userId);
  const revert = { revertOf: change.seq, revertedAction: change.type };

  if (change.type === 'workspace.member_removed') {
    const was = grantBefore(change);
    if (current) throw notRevertible('nothing_to_revert', `${current.name} is in ${workspace.name} again already`);
    const member = await findMember(ctx.tx, ctx.org.id, userId);
    if (!member) throw new DomainError('NOT_FOUND', `${then.name} is no longer a member of this organization`);
    assertWithinCeiling({ orgRole: member.role, lite: member.lite, name: member.name }, was.role);
    const cap = ctx.org.settings.workspaceMemberCap;
    await assertWorkspaceRoom(ctx.tx, { cap, workspaceIds: [workspaceId], adding: 1, now: ctx.now });
    await repo.insertWorkspaceMember(ctx.tx, { orgId: ctx.org.id, workspaceId, userId, role: was.role, at: ctx.now });
    const added = (await repo.findWorkspaceMember(ctx.tx, workspaceId, userId))!;
    return (await emitWorkspaceChange(ctx, 'workspace.member_added', workspace, added, null, revert)).seq;
  }

  if (!current) throw notRevertible('nothing_to_revert', `${then.name} is no longer in ${workspace.name}`);
  if (current.version !== (version ?? left?.version)) throw workspaceConflict(current);
  if (change.type === 'workspace.member_added') {
    if (!(await repo.deleteWorkspaceMember(ctx.tx, workspaceId, userId, current.version))) {
      throw workspaceConflict(current);
    }
    return (await emitWorkspaceChange(ctx, 'workspace.member_removed', workspace, null, current, revert)).seq;
  }

  const was = grantBefore(change);
  if (current.role === was.role) throw notRevertible('nothing_to_revert', `${current.name} is ${was.role} already`);
  const member = (await findMember(ctx.tx, ctx.org.id, userId))!;
  assertWithinCeiling({ orgRole: member.role, lite: member.lite, name: member.name }, was.role);
  if (!(await repo.updateWorkspaceRole(ctx.tx, workspaceId, userId, was.role, current.version))) {
    throw workspaceConflict(current);
  }
  const updated = (await repo.findWorkspaceMember(ctx.tx, workspaceId, userId))!;
  return (await emitWorkspaceChange(ctx, 'workspace.member_role_changed', workspace, updated, current, revert)).seq;
}
