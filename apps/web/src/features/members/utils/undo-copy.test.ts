import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-error.ts';
import { buildMember } from '../../../test/fixtures/members-fixtures.ts';
import { demoPeople } from '../../../test/fixtures/people.ts';
import { undoErrorCopy, type UndoableChange } from './undo-copy.ts';

const grace = buildMember({ person: demoPeople.grace, role: 'ADMIN', joinedDaysAgo: 10, grants: [] });
const removal: UndoableChange = { kind: 'remove', member: grace, orgName: 'Acme' };
const roleChange: UndoableChange = { kind: 'role', member: grace };
const refusal = (code: ConstructorParameters<typeof ApiError>[1], details?: Record<string, unknown>) =>
  new ApiError(409, code, 'server words, never shown', details);

describe('undoErrorCopy', () => {
  it('tells apart why a change cannot be undone', () => {
    expect(undoErrorCopy(refusal('NOT_REVERTIBLE', { reason: 'window_passed' }), roleChange).description).toBe(
      'It’s too late to undo this change. Make the change again instead.',
    );
    expect(undoErrorCopy(refusal('NOT_REVERTIBLE', { reason: 'account_deleted' }), removal).description).toBe(
      'Grace Hopper deleted their account, so they can’t be added back.',
    );
    expect(undoErrorCopy(refusal('NOT_REVERTIBLE'), removal).description).toBe('This change can’t be undone.');
  });

  it('explains a person who is back already, and a seat that is gone', () => {
    expect(undoErrorCopy(refusal('ALREADY_MEMBER'), removal)).toEqual({
      title: 'Couldn’t undo',
      description: 'Grace Hopper is already back in the organization.',
    });
    expect(undoErrorCopy(refusal('LIMIT_EXCEEDED', { limit: 5, current: 5, max: 0 }), removal).description).toBe(
      'There is no free seat for Grace Hopper any more. Free a seat first, then invite them again.',
    );
    expect(undoErrorCopy(refusal('LIMIT_EXCEEDED', { scope: 'workspace' }), removal).description).toBe(
      'A workspace Grace Hopper was in is full, so they can’t be added back.',
    );
  });

  it('falls back to the role rules’ own words (an undo meets the same rules)', () => {
    expect(undoErrorCopy(refusal('LAST_ADMIN_PROTECTED'), roleChange)).toEqual({
      title: 'Couldn’t undo',
      description: 'The organization must keep at least one admin. Make someone else an admin first.',
    });
  });
});
