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

/** `runMutation`'s authorize step for admin-only changes. */
export function authorizeAdmin(actor: { role: OrgRole | null }): void {
  assertCanManageMembers(actor.role);
}

/** `runMutation`'s authorize step for what any member may attempt for themselves. */
export function authorizeMember(actor: { role: OrgRole | null }): void {
  if (actor.role === null) throw new DomainError('FORBIDDEN', 'You are not a member of this organization');
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

/** R9, R10 for leaving on your own. */
export function assertLeaveAllowed(f: {
  role: OrgRole;
  isCreator: boolean;
  adminCount: number;
  settings: Pick<OrgSettings, 'allowSelfLeave' | 'protectCreator'>;
}): void {
  if (!f.settings.allowSelfLeave)
    throw new DomainError('FORBIDDEN', 'This organization does not let members leave on their own; ask an admin');
  if (f.settings.protectCreator && f.isCreator)
    throw new DomainError('CREATOR_PROTECTED', 'The creator of the organization cannot leave it');
  if (f.role === 'ADMIN' && f.adminCount <= 1) {
    throw new DomainError(
      'LAST_ADMIN_PROTECTED',
      'You are the last admin: make someone else an admin before you leave',
    );
  }
}

/** The reason an org still needs a person who wants to delete their account, or null. */
export type AccountRemovalBlock = 'creator' | 'last_admin';

/**
 * R9, R20 for deleting your account: the creator cannot go (only they hand the org on or delete
 * it, whatever `protectCreator` says), nor the last admin.
 */
export function accountRemovalBlock(f: { isCreator: boolean; role: OrgRole | null; adminCount: number }) {
  if (f.isCreator) return 'creator' satisfies AccountRemovalBlock;
  if (f.role === 'ADMIN' && f.adminCount <= 1) return 'last_admin' satisfies AccountRemovalBlock;
  return null;
}

export function assertAccountRemovalAllowed(f: { isCreator: boolean; role: OrgRole; adminCount: number }): void {
  const block = accountRemovalBlock(f);
  if (block === 'creator') {
    throw new DomainError('CREATOR_PROTECTED', 'You created this organization: hand it on or delete it first');
  }
  if (block === 'last_admin') {
    throw new DomainError('LAST_ADMIN_PROTECTED', 'You are the last admin: make someone else an admin first');
  }
}
