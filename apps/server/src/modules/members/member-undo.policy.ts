import { UNDO_WINDOW_SECONDS, type AlreadyRevertedDetails, type NotRevertibleReason } from '@roster/contracts';
import { DomainError } from '../../lib/domain-error.ts';

/** The changes undo covers: one person's role, and removing a person (ADR 0015). */
export const undoableTypes = ['member.role_changed', 'member.removed'] as const;

export interface UndoFacts {
  type: string;
  /** When the change committed. */
  at: Date;
  now: Date;
  /** The undo already written for this change, if any. */
  revert: AlreadyRevertedDetails | null;
}

/** Whether a change may still be undone; throws the reason it may not. */
export function assertUndoable(f: UndoFacts): void {
  if (!(undoableTypes as readonly string[]).includes(f.type)) {
    throw notRevertible('not_undoable', 'Only role changes and removals can be undone');
  }
  if (f.revert) {
    throw new DomainError('ALREADY_REVERTED', `${f.revert.revertedBy.name} already undid this change`, f.revert);
  }
  if (f.now.getTime() - f.at.getTime() > UNDO_WINDOW_SECONDS * 1000) {
    throw notRevertible('window_passed', `A change can be undone for ${UNDO_WINDOW_SECONDS / 60} minutes only`);
  }
}

export function notRevertible(reason: NotRevertibleReason, message: string): DomainError {
  return new DomainError('NOT_REVERTIBLE', message, { reason });
}
