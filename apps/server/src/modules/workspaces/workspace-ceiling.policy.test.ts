import { describe, expect, it } from 'vitest';
import { assertWithinCeiling, grantsToLower, workspaceRoleCeiling } from './workspace-ceiling.policy.ts';

describe('workspace role ceiling (R11, R22)', () => {
  it('is VIEWER when lite, MEMBER for an external, OWNER for anyone else', () => {
    expect(workspaceRoleCeiling({ orgRole: 'EXTERNAL', lite: true })).toBe('VIEWER');
    expect(workspaceRoleCeiling({ orgRole: 'MEMBER', lite: true })).toBe('VIEWER');
    expect(workspaceRoleCeiling({ orgRole: 'EXTERNAL', lite: false })).toBe('MEMBER');
    expect(workspaceRoleCeiling({ orgRole: 'MEMBER', lite: false })).toBe('OWNER');
    expect(workspaceRoleCeiling({ orgRole: 'ADMIN', lite: false })).toBe('OWNER');
  });

  it('refuses an external owner with EXTERNAL_CANNOT_OWN and a lite member past viewer as before', () => {
    const eve = { orgRole: 'EXTERNAL' as const, lite: false, name: 'Eve' };
    expect(() => assertWithinCeiling(eve, 'OWNER')).toThrow(expect.objectContaining({ code: 'EXTERNAL_CANNOT_OWN' }));
    expect(() => assertWithinCeiling(eve, 'MEMBER')).not.toThrow();
    expect(() => assertWithinCeiling({ ...eve, lite: true }, 'MEMBER')).toThrow(
      expect.objectContaining({ code: 'EXTERNAL_ROLE_LOCKED' }),
    );
  });

  it('lowers only the grants above the ceiling, to the ceiling', () => {
    const grants = [
      { workspaceId: 'a', role: 'OWNER' as const },
      { workspaceId: 'b', role: 'MEMBER' as const },
      { workspaceId: 'c', role: 'VIEWER' as const },
    ];
    expect(grantsToLower(grants, 'MEMBER')).toEqual([{ workspaceId: 'a', role: 'OWNER', to: 'MEMBER' }]);
    expect(grantsToLower(grants, 'VIEWER').map((g) => g.workspaceId)).toEqual(['a', 'b']);
    expect(grantsToLower(grants, 'OWNER')).toEqual([]);
  });
});
