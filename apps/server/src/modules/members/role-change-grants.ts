import type { Member, OrgRole, WorkspaceRoleLowered } from '@roster/contracts';
import type { MutationContext } from '../../mutation/run-mutation.ts';
import { grantsToLower, isAboveCeiling, workspaceRoleCeiling } from '../workspaces/workspace-ceiling.policy.ts';
import { findWorkspaceMember } from '../workspaces/workspaces.repository.ts';
import { setWorkspaceRole, workspaceGrantsOf, type WorkspaceGrant } from './workspace-grants.repository.ts';

/** What an org role change to `newRole` lowers: roles above the person's new ceiling (R22). */
export function loweredBy(grants: WorkspaceGrant[], newRole: OrgRole, lite: boolean): WorkspaceRoleLowered[] {
  return grantsToLower(grants, workspaceRoleCeiling({ orgRole: newRole, lite })).map((g) => ({
    workspaceId: g.workspaceId,
    workspaceName: g.workspaceName,
    from: g.role,
    to: g.to,
  }));
}

/**
 * R22: demoting a workspace owner to EXTERNAL lowers those roles in the same transaction (to
 * MEMBER, or VIEWER when lite) instead of refusing the change: see ADR 0009.
 */
export async function lowerWorkspaceRoles(
  ctx: MutationContext,
  target: Pick<Member, 'userId' | 'lite' | 'workspaces'>,
  newRole: OrgRole,
): Promise<WorkspaceRoleLowered[]> {
  // The roles read with the person under the lock say whether anything is above the new
  // ceiling; only then is it worth reading the grants to lower.
  const ceiling = workspaceRoleCeiling({ orgRole: newRole, lite: target.lite });
  if (!target.workspaces.some((w) => isAboveCeiling(w.role, ceiling))) return [];
  const grants = await workspaceGrantsOf(ctx.tx, ctx.org.id, [target.userId]);
  const lowered = loweredBy(grants, newRole, target.lite);
  for (const g of lowered) await setWorkspaceRole(ctx.tx, { ...g, userId: target.userId, role: g.to });
  return lowered;
}

/**
 * Undoing a role change raises back the workspace roles it lowered, each only where it is still
 * what the change left (nobody set it since) and the restored org role allows it (R22). Returns
 * the roles raised, `from` the lowered role `to` the restored one.
 */
export async function restoreWorkspaceRoles(
  ctx: MutationContext,
  person: Pick<Member, 'userId' | 'role' | 'lite'>,
  lowered: WorkspaceRoleLowered[],
): Promise<WorkspaceRoleLowered[]> {
  if (lowered.length === 0) return [];
  const held = new Map(
    (await workspaceGrantsOf(ctx.tx, ctx.org.id, [person.userId])).map((g) => [g.workspaceId, g.role]),
  );
  const ceiling = workspaceRoleCeiling({ orgRole: person.role, lite: person.lite });
  const raised = lowered
    .filter((g) => held.get(g.workspaceId) === g.to && !isAboveCeiling(g.from, ceiling))
    .map((g) => ({ ...g, from: g.to, to: g.from }));
  for (const g of raised) await setWorkspaceRole(ctx.tx, { ...g, userId: person.userId, role: g.to });
  return raised;
}

/** The audit row's share of the workspace roles that moved, before and after; nothing when none did. */
export function loweredForAudit(lowered: WorkspaceRoleLowered[]) {
  if (lowered.length === 0) return { before: {}, after: {} };
  const side = (key: 'from' | 'to') => ({
    workspaces: lowered.map((g) => ({ workspaceId: g.workspaceId, role: g[key] })),
  });
  return { before: side('from'), after: side('to') };
}

/** One workspace event per lowered (or restored) role, so workspace pages and their audit read like any role change. */
export async function emitLoweredRoles(ctx: MutationContext, member: Member, lowered: WorkspaceRoleLowered[]) {
  const { userId } = member;
  for (const g of lowered) {
    const workspaceMember = await findWorkspaceMember(ctx.tx, g.workspaceId, userId);
    await ctx.emit({
      type: 'workspace.member_role_changed',
      targetId: userId,
      before: { workspaceId: g.workspaceId, role: g.from },
      after: { workspaceId: g.workspaceId, role: g.to },
      data: { workspaceId: g.workspaceId, workspaceName: g.workspaceName, userId, workspaceMember, member },
    });
  }
}
