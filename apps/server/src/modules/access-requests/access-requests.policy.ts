import type { OrgRole } from '@roster/contracts';
import { DomainError } from '../../lib/domain-error.ts';
import { authorizeMember } from '../members/members.policy.ts';

/** Anyone in the org may ask; strangers are refused like on every other org route. */
export function authorizeRequester(actor: { role: OrgRole | null }): void {
  authorizeMember(actor);
}

/**
 * Admins already open every page of their org (R1, R2), and a workspace's members open its
 * page: a request from them would only mail the admins about nothing.
 */
export function assertNeedsAccess(role: OrgRole | null, workspace: { isMember: boolean } | null): void {
  if (role === 'ADMIN') throw new DomainError('ALREADY_HAS_ACCESS', 'Admins already have access to every page');
  if (workspace?.isMember) throw new DomainError('ALREADY_HAS_ACCESS', 'You are already in this workspace');
}
