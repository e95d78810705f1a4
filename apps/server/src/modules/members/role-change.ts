import type { Member, OrgRole, WorkspaceRoleLowered } from '@roster/contracts';
import type { MutationContext } from '../../mutation/run-mutation.ts';
import { notifyAccess, versionConflict } from './member-conflict.ts';
import { assertRoleChangeAllowed } from './members.policy.ts';
import { adminCountIf, updateMemberRole } from './members.repository.ts';
import { emitLoweredRoles, loweredForAudit, lowerWorkspaceRoles, restoreWorkspaceRoles } from './role-change-grants.ts';

export interface RoleChangeOptions {
  /** The version the write must find (R15). */
  version: number;
  /** When this change undoes an earlier one: that change's seq, and the workspace roles it lowered. */
  revert?: { seq: number; lowered: WorkspaceRoleLowered[] };
}

/**
 * The one way an org role changes, whoever asks (an admin's edit, a bulk row, an undo): the
 * rules (R9–R11), the versioned write (R15), the workspace roles the new role lowers (R22) or an
 * undo raises back, the audit row (R14) and the person's own tabs (R16).
 */
export async function applyRoleChange(
  ctx: MutationContext,
  target: Member,
  role: OrgRole,
  options: RoleChangeOptions,
): Promise<{ member: Member; eventSeq: number }> {
  const orgId = ctx.org.id;
  const userId = target.userId;
  assertRoleChangeAllowed({
    actorId: ctx.actor.id,
    actorRole: ctx.actor.role,
    target,
    newRole: role,
    creatorId: ctx.org.createdBy,
    adminCount: await adminCountIf(ctx.tx, orgId, target.role === 'ADMIN' && role !== 'ADMIN'),
    settings: ctx.org.settings,
  });
  const written = await updateMemberRole(ctx.tx, {
    orgId,
    userId,
    role,
    version: options.version,
    by: ctx.actor.id,
    at: ctx.now,
  });
  if (!written) throw await versionConflict(ctx, userId);
  const lowered = await lowerWorkspaceRoles(ctx, target, role);
  const raised = options.revert ? await restoreWorkspaceRoles(ctx, { ...target, role }, options.revert.lowered) : [];
  const member = memberAfter(ctx, target, role, options.version + 1, [...lowered, ...raised]);
  // The audit row names the workspace roles that moved with the org role (R14, R22).
  const audit = loweredForAudit([...lowered, ...raised]);
  const event = await ctx.emit({
    type: 'member.role_changed',
    targetId: userId,
    before: { role: target.role, ...audit.before },
    after: { role: member.role, ...audit.after },
    data: {
      member,
      before: { role: target.role },
      ...(lowered.length ? { workspacesLowered: lowered } : {}),
      ...(options.revert ? { revertOf: options.revert.seq, revertedAction: 'member.role_changed' } : {}),
    },
  });
  await emitLoweredRoles(ctx, member, [...lowered, ...raised]);
  notifyAccess(ctx, userId, member.role, member.workspaces);
  return { member, eventSeq: event.seq };
}

/**
 * The member as the write left them, from the row read under the lock and what this change
 * moved: reading it back would cost two more round trips inside the org's critical section.
 */
function memberAfter(
  ctx: MutationContext,
  target: Member,
  role: OrgRole,
  version: number,
  moved: WorkspaceRoleLowered[],
): Member {
  const movedTo = new Map(moved.map((g) => [g.workspaceId, g.to]));
  return {
    ...target,
    role,
    version,
    workspaces: target.workspaces.map((w) => ({ ...w, role: movedTo.get(w.id) ?? w.role })),
    lastChange: { by: { id: ctx.actor.id, name: ctx.actor.name }, at: ctx.now.toISOString() },
  };
}
