import { describe, expect, it } from 'vitest';
import { auditActionLabel } from './audit-action-label.ts';
import { auditDiff } from './audit-diff.ts';

describe('auditActionLabel', () => {
  it('names the common types in words, an undo after what it undid, and spells out the rest', () => {
    expect(auditActionLabel('member.role_changed')).toBe('Changed a role');
    expect(auditActionLabel('member.role_changed.reverted')).toBe('Undid: Changed a role');
    expect(auditActionLabel('invite_request.expired')).toBe('Invite request expired');
  });
});

describe('auditDiff', () => {
  it('reads a role change as its labels, old to new', () => {
    expect(auditDiff({ role: 'MEMBER' }, { role: 'ADMIN' })).toEqual({
      lines: ['Role: Member → Admin'],
      otherKeys: [],
    });
  });

  it('skips what did not change and the ids that only say which thing changed', () => {
    expect(auditDiff({ workspaceId: 'w1', role: 'VIEWER' }, { workspaceId: 'w1', role: 'OWNER' }).lines).toEqual([
      'Role: Viewer → Owner',
    ]);
  });

  it('names a creation’s values, a removal’s former values, and switches as on or off', () => {
    expect(auditDiff(null, { name: 'Design' }).lines).toEqual(['Name: Design']);
    expect(auditDiff({ role: 'ADMIN' }, null).lines).toEqual(['Role was Admin']);
    expect(auditDiff({ allowSelfLeave: false }, { allowSelfLeave: true }).lines).toEqual([
      'Allow self leave: off → on',
    ]);
  });

  it('lists changed structures by name instead of printing them', () => {
    expect(auditDiff({ role: 'ADMIN', grants: [{ w: 1 }] }, { role: 'MEMBER', grants: [] })).toEqual({
      lines: ['Role: Admin → Member'],
      otherKeys: ['Grants'],
    });
  });
});
