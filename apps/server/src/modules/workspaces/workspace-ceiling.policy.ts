import type { OrgRole, WorkspaceRole } from '@roster/contracts';
import { DomainError } from '../../lib/domain-error.ts';

const rank: Record<WorkspaceRole, number> = { VIEWER: 0, MEMBER: 1, OWNER: 2 };

/**
 * The highest workspace role a person may hold (R11, R22): a lite person is at most a viewer,
 * an external at most a member (externals are never workspace owners), anyone else may own.
 * One rule for every road into a workspace: invitations, approvals, adding, role changes,
 * and an org role change that leaves someone above it (their roles are lowered with it).
 */
export function workspaceRoleCeiling(person: { orgRole: OrgRole; lite: boolean }): WorkspaceRole {
  if (person.lite) return 'VIEWER';
  if (person.orgRole === 'EXTERNAL') return 'MEMBER';
  return 'OWNER';
}

export function isAboveCeiling(role: WorkspaceRole, ceiling: WorkspaceRole): boolean {
  return rank[role] > rank[ceiling];
}

/**
 * Refuses a workspace role above the person's ceiling. Lite keeps its old code and wording
 * (clients already explain it); an external owner gets EXTERNAL_CANNOT_OWN.
 */
export function assertWithinCeiling(
  person: { orgRole: OrgRole; lite: boolean; name: string },
  role: WorkspaceRole,
): void {
  const ceiling = workspaceRoleCeiling(person);
  if (!isAboveCeiling(role, ceiling)) return;
  if (ceiling === 'VIEWER') {
    throw new DomainError('EXTERNAL_ROLE_LOCKED', `${person.name} can be at most a viewer in a workspace`, {
      maxRole: 'VIEWER',
    });
  }
  throw new DomainError('EXTERNAL_CANNOT_OWN', `${person.name} is external and cannot own a workspace`, {
    maxRole: ceiling,
  });
}

/** The grants an org role change leaves above the new ceiling, each with the role it comes down to. */
export function grantsToLower<T extends { role: WorkspaceRole }>(
  grants: T[],
  ceiling: WorkspaceRole,
): Array<T & { to: WorkspaceRole }> {
  return grants.filter((g) => isAboveCeiling(g.role, ceiling)).map((g) => ({ ...g, to: ceiling }));
}
