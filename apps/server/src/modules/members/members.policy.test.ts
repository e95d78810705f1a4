import { describe, expect, it } from 'vitest';
import type { DomainError } from '../../lib/domain-error.ts';
import { assertRemovalAllowed, assertRoleChangeAllowed, type RoleChangeFacts } from './members.policy.ts';

const base: RoleChangeFacts = {
  actorId: 'ada',
  actorRole: 'ADMIN',
  target: { userId: 'linus', role: 'MEMBER', lite: false },
  newRole: 'ADMIN',
  creatorId: 'ada',
  adminCount: 2,
  settings: { allowSelfRoleChange: false, protectCreator: true },
};

function codeOf(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as DomainError).code;
  }
}

describe('role change rules', () => {
  it('lets an admin change another member', () => {
    expect(codeOf(() => assertRoleChangeAllowed(base))).toBeNull();
  });
  it('refuses non-admins and non-members (R1)', () => {
    expect(codeOf(() => assertRoleChangeAllowed({ ...base, actorRole: 'MEMBER' }))).toBe('FORBIDDEN');
    expect(codeOf(() => assertRoleChangeAllowed({ ...base, actorRole: 'EXTERNAL' }))).toBe('FORBIDDEN');
    expect(codeOf(() => assertRoleChangeAllowed({ ...base, actorRole: null }))).toBe('FORBIDDEN');
  });
  it('refuses changing your own role unless the org allows it (R10)', () => {
    const self = {
      ...base,
      target: { userId: 'ada', role: 'ADMIN' as const, lite: false },
      newRole: 'MEMBER' as const,
      creatorId: 'x',
    };
    expect(codeOf(() => assertRoleChangeAllowed(self))).toBe('SELF_ROLE_CHANGE');
    expect(
      codeOf(() => assertRoleChangeAllowed({ ...self, settings: { ...self.settings, allowSelfRoleChange: true } })),
    ).toBeNull();
  });
  it('protects the creator from demotion when the org says so (R10)', () => {
    const creator = {
      ...base,
      actorId: 'grace',
      target: { userId: 'ada', role: 'ADMIN' as const, lite: false },
      newRole: 'MEMBER' as const,
    };
    expect(codeOf(() => assertRoleChangeAllowed(creator))).toBe('CREATOR_PROTECTED');
    expect(
      codeOf(() => assertRoleChangeAllowed({ ...creator, settings: { ...creator.settings, protectCreator: false } })),
    ).toBeNull();
  });
  it('keeps lite members away from admin (R11)', () => {
    const lite = { ...base, target: { userId: 'eve', role: 'EXTERNAL' as const, lite: true } };
    expect(codeOf(() => assertRoleChangeAllowed(lite))).toBe('EXTERNAL_ROLE_LOCKED');
    expect(codeOf(() => assertRoleChangeAllowed({ ...lite, newRole: 'MEMBER' }))).toBeNull();
  });
  it('keeps the last admin (R9)', () => {
    const last = {
      ...base,
      actorId: 'grace',
      creatorId: 'x',
      target: { userId: 'ada', role: 'ADMIN' as const, lite: false },
      newRole: 'MEMBER' as const,
      adminCount: 1,
    };
    expect(codeOf(() => assertRoleChangeAllowed(last))).toBe('LAST_ADMIN_PROTECTED');
    expect(codeOf(() => assertRoleChangeAllowed({ ...last, adminCount: 2 }))).toBeNull();
  });
});

describe('removal rules', () => {
  const removal = {
    actorId: 'ada',
    actorRole: 'ADMIN' as const,
    target: { userId: 'linus', role: 'MEMBER' as const },
    creatorId: 'ada',
    adminCount: 2,
    settings: { protectCreator: true },
  };
  it('lets an admin remove a member', () => {
    expect(codeOf(() => assertRemovalAllowed(removal))).toBeNull();
  });
  it('refuses removing yourself, the creator, the last admin, or as a non-admin', () => {
    expect(codeOf(() => assertRemovalAllowed({ ...removal, target: { userId: 'ada', role: 'ADMIN' } }))).toBe(
      'SELF_REMOVAL',
    );
    expect(
      codeOf(() => assertRemovalAllowed({ ...removal, actorId: 'grace', target: { userId: 'ada', role: 'ADMIN' } })),
    ).toBe('CREATOR_PROTECTED');
    expect(
      codeOf(() =>
        assertRemovalAllowed({
          ...removal,
          creatorId: 'x',
          actorId: 'grace',
          target: { userId: 'ada', role: 'ADMIN' },
          adminCount: 1,
        }),
      ),
    ).toBe('LAST_ADMIN_PROTECTED');
    expect(codeOf(() => assertRemovalAllowed({ ...removal, actorRole: 'MEMBER' }))).toBe('FORBIDDEN');
  });
});
