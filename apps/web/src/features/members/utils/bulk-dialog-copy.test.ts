import { describe, expect, it } from 'vitest';
import type { BulkPreview } from '@roster/contracts';
import { bulkDialogCopy, type BulkCopyAction } from './bulk-dialog-copy.ts';

const preview = (p: Partial<BulkPreview>): BulkPreview => ({
  count: 0,
  unchanged: 0,
  workspaceCount: 0,
  workspacesLeftWithoutOwner: [],
  refused: [],
  ...p,
});
const admin: BulkCopyAction = { type: 'change_role', role: 'ADMIN' };
const member: BulkCopyAction = { type: 'change_role', role: 'MEMBER' };
const remove: BulkCopyAction = { type: 'remove' };

describe('bulk dialog copy', () => {
  it.each([
    // action, selected, preview, title, summary, button
    [admin, 3, undefined, 'Change the role of 3 people', null, 'Make 3 people Admin'],
    [admin, 3, preview({ count: 3 }), 'Change the role of 3 people', 'Makes 3 people Admin', 'Make 3 people Admin'],
    [
      member,
      3,
      preview({ count: 2, unchanged: 1 }),
      'Change the role of 2 people',
      'Makes 2 people Member; 1 person is already Member',
      'Make 2 people Member',
    ],
    [member, 1, preview({ count: 1 }), 'Change the role of 1 person', 'Makes 1 person Member', 'Make 1 person Member'],
    [
      admin,
      2,
      preview({ count: 0, unchanged: 2 }),
      'No role to change',
      'Nobody changes: 2 people are already Admin',
      'Make 0 people Admin',
    ],
    [
      admin,
      2,
      preview({ count: 0, refused: [{ userId: 'u', name: 'Ada', code: 'SELF_ROLE_CHANGE' }] }),
      'No role to change',
      'Nobody changes',
      'Make 0 people Admin',
    ],
    [remove, 3, undefined, 'Remove 3 people from Acme?', null, 'Remove 3 people'],
    [
      remove,
      3,
      preview({ count: 2, workspaceCount: 1 }),
      'Remove 2 people from Acme?',
      'Removes 2 people from Acme and from 1 workspace',
      'Remove 2 people',
    ],
    [remove, 1, preview({ count: 1 }), 'Remove 1 person from Acme?', 'Removes 1 person from Acme', 'Remove 1 person'],
    [remove, 1, preview({ count: 0 }), 'Nobody to remove', 'Nobody would be removed', 'Remove 0 people'],
  ] as const)('%o on %i selected, preview %o', (action, selected, p, title, summary, confirmLabel) => {
    expect(bulkDialogCopy({ action, orgName: 'Acme', selected, preview: p })).toMatchObject({
      title,
      summary,
      confirmLabel,
    });
  });

  it('asks to type the count only to remove more than ten people', () => {
    const copy = (count: number, action: BulkCopyAction = remove) =>
      bulkDialogCopy({ action, orgName: 'Acme', selected: count, preview: preview({ count }) }).typedConfirmation;
    expect(copy(10)).toBeNull();
    expect(copy(11)).toBe('11');
    expect(copy(40, admin)).toBeNull();
  });
});
