import type { OrgRole } from '@roster/contracts';
import { DomainError, forbidden } from '../../lib/domain-error.ts';

/** `MAX_ORGS_PER_USER`: the orgs a person created count, not those they were invited to. */
export function assertMayCreateOrg(created: number, max: number): void {
  if (created < max) return;
  throw new DomainError('LIMIT_EXCEEDED', `You can create at most ${max} organizations`, {
    limit: max,
    current: created,
    max: 0,
  });
}

/** `runMutation`'s authorize step for what only the org's creator may do (R20). */
export function authorizeCreator(actor: { id: string; role: OrgRole | null }, org: { createdBy: string }): void {
  if (actor.role === null) throw forbidden('You are not a member of this organization');
  if (actor.id !== org.createdBy) throw forbidden('Only the creator of this organization can do that');
}

/** R20: the creator role goes to someone else who is an ADMIN of the org right now. */
export function assertMayReceiveCreatorRole(facts: {
  actorId: string;
  target: { userId: string; role: OrgRole } | null;
}): void {
  if (!facts.target) throw new DomainError('NOT_FOUND', 'That person is not a member of this organization');
  if (facts.target.userId === facts.actorId) {
    throw new DomainError('VALIDATION_FAILED', 'You already are the creator of this organization', {
      fields: [{ path: 'userId', message: 'Choose another admin' }],
    });
  }
  if (facts.target.role !== 'ADMIN') {
    throw new DomainError(
      'TRANSFER_TARGET_NOT_ADMIN',
      'The creator role goes only to an admin of the organization: make them an admin first',
      { userId: facts.target.userId, role: facts.target.role },
    );
  }
}
