import { describe, expect, it } from 'vitest';
import type { WorkspaceRole } from '@roster/contracts';
import { assertMayGrant, assertRequestQuota, assertTermsAllowed } from './invitations.policy.ts';

const code = (code: string) => expect.objectContaining({ code });
const owner = [{ workspaceId: 'w1', role: 'OWNER' as const }];

describe('externals never own a workspace (R22)', () => {
  it('refuses an external invitation that grants OWNER, naming the workspaces', () => {
    expect(() => assertTermsAllowed('EXTERNAL', false, owner)).toThrow(
      expect.objectContaining({
        code: 'EXTERNAL_CANNOT_OWN',
        details: expect.objectContaining({ workspaceIds: ['w1'] }),
      }),
    );
  });

  it('lets an external be a workspace member or viewer, and anyone else own', () => {
    expect(() => assertTermsAllowed('EXTERNAL', false, [{ workspaceId: 'w1', role: 'MEMBER' }])).not.toThrow();
    expect(() => assertTermsAllowed('MEMBER', false, owner)).not.toThrow();
    expect(() => assertTermsAllowed('ADMIN', false, owner)).not.toThrow();
  });
});

describe('non-admins grant only workspaces they own (R22)', () => {
  const roles = (entries: Array<[string, WorkspaceRole]>) => new Map(entries);

  it('lets an admin grant any workspace, in any role', () => {
    expect(() => assertMayGrant('ADMIN', roles([]), owner)).not.toThrow();
  });

  it('lets a workspace owner grant their workspace in any role, OWNER included', () => {
    expect(() => assertMayGrant('MEMBER', roles([['w1', 'OWNER']]), owner)).not.toThrow();
    expect(() =>
      assertMayGrant('MEMBER', roles([['w1', 'OWNER']]), [{ workspaceId: 'w1', role: 'VIEWER' }]),
    ).not.toThrow();
  });

  it('refuses a workspace the inviter is not in, or only a member or viewer of', () => {
    expect(() => assertMayGrant('MEMBER', roles([]), owner)).toThrow(code('FORBIDDEN'));
    expect(() => assertMayGrant('MEMBER', roles([['w1', 'MEMBER']]), [{ workspaceId: 'w1', role: 'VIEWER' }])).toThrow(
      code('FORBIDDEN'),
    );
    const mixed = [...owner, { workspaceId: 'w2', role: 'VIEWER' as const }];
    expect(() => assertMayGrant('MEMBER', roles([['w1', 'OWNER']]), mixed)).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ workspaceIds: ['w2'] }) }),
    );
  });

  it('lets anyone invite without workspace grants', () => {
    expect(() => assertMayGrant('MEMBER', roles([]), [])).not.toThrow();
  });
});

describe('pending requests per member', () => {
  it('allows filling up to the limit, and refuses past it with limit, current and max', () => {
    expect(() => assertRequestQuota(10, 9, 1)).not.toThrow();
    expect(() => assertRequestQuota(10, 10, 0)).not.toThrow();
    expect(() => assertRequestQuota(10, 8, 3)).toThrow(
      expect.objectContaining({ code: 'REQUEST_LIMIT', details: { limit: 10, current: 8, max: 2 } }),
    );
  });
});
