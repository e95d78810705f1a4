import type { OrgRole, OrgSettings } from '@roster/contracts';
import { can } from '@roster/contracts';
import { DomainError } from '../../lib/domain-error.ts';

/** What the rules need to know about the people involved; pure data, so the rules unit-test. */
export interface RoleChangeFacts {
  actorId: string;
  actorRole: OrgRole | null;
  target: { userId: string; role: OrgRole; lite: boolean };
  newRole: OrgRole;
  creatorId: string;
  adminCount: number;
  settings: Pick<OrgSettings, 'allowSelfRoleChange' | 'protectCreator'>;
}

/** R1: only admins manage members. */
export function assertCanManageMembers(role: OrgRole | null): void {
  if (role === null) throw new DomainError('FORBIDDEN', 'You are not a member of this organization');
  if (!can(role, 'manageMembers')) throw new DomainError('FORBIDDEN', 'Only admins can manage members');
}

/** R9, R10, R11 for a role change. Throws the first rule it breaks. */
export function assertRoleChangeAllowed(f: RoleChangeFacts): void {
  assertCanManageMembers(f.actorRole);
  if (f.target.userId === f.actorId && !f.settings.allowSelfRoleChange) {
    throw new DomainError('SELF_ROLE_CHANGE', 'You cannot change your own role in this organization');
  }
  if (f.settings.protectCreator && f.target.userId === f.creatorId && f.newRole !== 'ADMIN') {
    throw new DomainError('CREATOR_PROTECTED', 'The creator of the organization cannot be demoted');
  }
  if (f.newRole === 'ADMIN' && f.target.lite) {
    throw new DomainError('EXTERNAL_ROLE_LOCKED', 'Clear the lite flag before making this person an admin', {
      role: f.target.role,
      lite: true,
    });
  }
  if (f.target.role === 'ADMIN' && f.newRole !== 'ADMIN' && f.adminCount <= 1) {
    throw new DomainError('LAST_ADMIN_PROTECTED', 'The organization must keep at least one admin');
  }
}

export interface RemovalFacts {
  actorId: string;
  actorRole: OrgRole | null;
  target: { userId: string; role: OrgRole };
  creatorId: string;
  adminCount: number;
  settings: Pick<OrgSettings, 'protectCreator'>;
}

/** R9, R10 for removing someone from the org. */
export function assertRemovalAllowed(f: RemovalFacts): void {
  assertCanManageMembers(f.actorRole);
  if (f.target.userId === f.actorId) {
    throw new DomainError('SELF_REMOVAL', 'You cannot remove yourself from the organization');
  }
  if (f.settings.protectCreator && f.target.userId === f.creatorId) {
    throw new DomainError('CREATOR_PROTECTED', 'The creator of the organization cannot be removed');
  }
  if (f.target.role === 'ADMIN' && f.adminCount <= 1) {
    throw new DomainError('LAST_ADMIN_PROTECTED', 'The organization must keep at least one admin');
  }
}
