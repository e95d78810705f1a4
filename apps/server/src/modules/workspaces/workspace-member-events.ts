import type { WorkspaceMember } from '@roster/contracts';
import { DomainError } from '../../lib/domain-error.ts';
import type { MutationContext } from '../../mutation/run-mutation.ts';
import { findMember } from '../members/members.repository.ts';
import { hasTwoFactor } from '../settings/settings.repository.ts';
import { placeInOwnerRooms, sitsInOwnersRoom } from './workspace-owner-rooms.ts';

export type WorkspaceMemberChange =
  'workspace.member_added' | 'workspace.member_role_changed' | 'workspace.member_removed';

/** A stale write to someone's place in a workspace: the row as it is now. */
export function workspaceConflict(current: WorkspaceMember) {
  return new DomainError(
    'VERSION_CONFLICT',
    `${current.name} was changed in the meantime; your change was not applied`,
    { current },
  );
}

/**
 * Every workspace change carries the person's org row too, so the members page patches their
 * chips live, and the workspace's name then, so its audit entry reads right after a rename or a
 * deletion. `revert` names the change it undid, when it is a revert. The person's sockets join or
 * leave the workspace's owners room before the change is published.
 */
export async function emitWorkspaceChange(
  ctx: MutationContext,
  type: WorkspaceMemberChange,
  workspace: { id: string; name: string },
  after: WorkspaceMember | null,
  before: WorkspaceMember | null,
  revert?: { revertOf: number; revertedAction: string },
) {
  const userId = (after ?? before)!.userId;
  const workspaceId = workspace.id;
  const member = (await findMember(ctx.tx, ctx.org.id, userId))!;
  const role = after?.role ?? null;
  const ownershipMoves = (before?.role === 'OWNER') !== (role === 'OWNER');
  // Shut out by the org's two-factor requirement: no room of the org, as on connecting.
  const locked = ownershipMoves && ctx.org.settings.requireTwoFactor && !(await hasTwoFactor(ctx.tx, userId));
  const orgRole = locked ? null : member.role;
  placeInOwnerRooms(ctx, userId, orgRole, [{ id: workspaceId, role }]);
  // An owner who stops being one leaves the room before this is published: their own page hears of it.
  if (ownershipMoves && before?.role === 'OWNER' && sitsInOwnersRoom(orgRole, 'OWNER')) {
    ctx.notify(userId, { type: 'workspace.changed', data: { workspaceId, type } });
  }
  return ctx.emit({
    type,
    targetId: userId,
    before: before && { workspaceId, role: before.role },
    after: after && { workspaceId, role: after.role },
    data: { workspaceId, workspaceName: workspace.name, userId, workspaceMember: after, member, ...revert },
  });
}
