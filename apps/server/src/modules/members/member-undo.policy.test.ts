import { describe, expect, it } from 'vitest';
import { UNDO_WINDOW_SECONDS } from '@roster/contracts';
import { assertUndoable } from './member-undo.policy.ts';

const at = new Date('2026-01-05T09:00:00Z');
const after = (seconds: number) => new Date(at.getTime() + seconds * 1000);
const facts = { type: 'member.role_changed', at, now: after(5), revert: null };

describe('what an undo may take back', () => {
  it('takes back a role change or a removal inside the window, up to its last second', () => {
    expect(() => assertUndoable(facts)).not.toThrow();
    expect(() => assertUndoable({ ...facts, type: 'member.removed', now: after(UNDO_WINDOW_SECONDS) })).not.toThrow();
  });

  it('refuses anything else as not_undoable', () => {
    for (const type of ['member.joined', 'member.left', 'settings.updated', 'invitation.revoked']) {
      expect(() => assertUndoable({ ...facts, type })).toThrow(
        expect.objectContaining({ code: 'NOT_REVERTIBLE', details: { reason: 'not_undoable' } }),
      );
    }
  });

  it('refuses a change past the window as window_passed', () => {
    expect(() => assertUndoable({ ...facts, now: after(UNDO_WINDOW_SECONDS + 1) })).toThrow(
      expect.objectContaining({ code: 'NOT_REVERTIBLE', details: { reason: 'window_passed' } }),
    );
  });

  it('refuses an undone change as ALREADY_REVERTED, naming who undid it, even past the window', () => {
    const revert = { revertedBy: { id: 'u1', name: 'Grace' }, revertedAt: after(3).toISOString(), seq: 7 };
    expect(() => assertUndoable({ ...facts, now: after(UNDO_WINDOW_SECONDS * 2), revert })).toThrow(
      expect.objectContaining({
        code: 'ALREADY_REVERTED',
        details: revert,
        message: 'Grace already undid this change',
      }),
    );
  });
});
