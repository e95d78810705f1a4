import type { AlreadyRevertedDetails } from '@roster/contracts';
import { DomainError } from '../../../lib/domain-error.ts';
import { notRevertible } from '../../members/member-undo.policy.ts';

/**
 * The changes the audit log can revert, each by its inverse (R24, ADR 22): a role change, a
 * removal, a workspace role given, changed or taken, a settings change, an invitation revoked.
 * Everything else has its own opposite action (remove, invite, rename) or side effects that
 * cannot be taken back (a mail sent, a link used).
 */
export const revertibleTypes = [
  'member.role_changed',
  'member.removed',
  'workspace.member_added',
  'workspace.member_role_changed',
  'workspace.member_removed',
  'settings.updated',
  'invitation.revoked',
] as const;
export type RevertibleType = (typeof revertibleTypes)[number];

export function isRevertible(type: string): type is RevertibleType {
  return (revertibleTypes as readonly string[]).includes(type);
}

/**
 * The change a revert undid, as the log names it. Undos written before reverts named it
 * themselves were all of role changes (their event is one) or of removals (a join).
 */
export function revertedActionOf(type: string, data: { revertedAction?: unknown }): string {
  if (typeof data.revertedAction === 'string') return data.revertedAction;
  return type === 'member.joined' ? 'member.removed' : type;
}

/** Whether a change may be reverted now; throws why not. */
export function assertRevertible(type: string, revert: AlreadyRevertedDetails | null): asserts type is RevertibleType {
  if (!isRevertible(type)) throw notRevertible('not_undoable', 'This kind of change cannot be reverted');
  if (revert)
    throw new DomainError('ALREADY_REVERTED', `${revert.revertedBy.name} already reverted this change`, revert);
}
