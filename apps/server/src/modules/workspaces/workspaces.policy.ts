import type { OrgRole, WorkspaceRole } from '@roster/contracts';
import { DomainError } from '../../lib/domain-error.ts';

/** R2: org admins manage every workspace; a workspace's owners manage theirs. */
export function canManageWorkspace(orgRole: OrgRole | null, workspaceRole: WorkspaceRole | null): boolean {
  return orgRole === 'ADMIN' || workspaceRole === 'OWNER';
}

export function assertCanManageWorkspace(orgRole: OrgRole | null, workspaceRole: WorkspaceRole | null): void {
  if (!canManageWorkspace(orgRole, workspaceRole)) {
    throw new DomainError('FORBIDDEN', 'Only org admins and this workspace’s owners can manage its members');
  }
}

/**
 * A workspace keeps at least one owner; only an org admin (who has full access anyway) may
 * leave it without one.
 */
export function assertOwnerKept(facts: {
  actorOrgRole: OrgRole | null;
  losingOwner: boolean;
  ownerCount: number;
}): void {
  if (facts.losingOwner && facts.ownerCount <= 1 && facts.actorOrgRole !== 'ADMIN') {
    throw new DomainError('LAST_OWNER_PROTECTED', 'The workspace must keep at least one owner');
  }
}

/**
 * The workspace seat cap (e.g. 5 including owners), pending grants included (R5). Details read
 * like the org cap's: the limit, the seats used, and how many more would fit.
 */
export function assertWorkspaceSeats(facts: { cap: number | null; used: number; adding: number }): void {
  if (facts.cap !== null && facts.used + facts.adding > facts.cap) {
    throw new DomainError('LIMIT_EXCEEDED', `This workspace is limited to ${facts.cap} members`, {
      scope: 'workspace',
      limit: facts.cap,
      current: facts.used,
      max: Math.max(0, facts.cap - facts.used),
    });
  }
}
