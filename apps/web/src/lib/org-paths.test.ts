import { describe, expect, it } from 'vitest';
import { orgPath, orgPathById, orgSlugOf, withOrgSlug } from './org-paths.ts';

describe('org paths', () => {
  it('addresses an org’s pages by its slug', () => {
    expect(orgPath('acme')).toBe('/o/acme');
    expect(orgPath('acme', 'members')).toBe('/o/acme/members');
    expect(orgPath('acme', 'workspaces', 'ws_1')).toBe('/o/acme/workspaces/ws_1');
  });

  it('addresses by id only in the old shape, which the router moves to the slug', () => {
    expect(orgPathById('org_1', 'welcome')).toBe('/orgs/org_1/welcome');
  });

  it('reads the slug of an org page, and nothing from other pages', () => {
    expect(orgSlugOf('/o/acme/members')).toBe('acme');
    expect(orgSlugOf('/o/acme')).toBe('acme');
    expect(orgSlugOf('/orgs/org_1/members')).toBeUndefined();
    expect(orgSlugOf('/account')).toBeUndefined();
    expect(orgSlugOf('/other/o/acme')).toBeUndefined();
  });

  it('moves a page to another slug, keeping the rest of its path', () => {
    expect(withOrgSlug('/o/acme/workspaces/ws_1', 'acme-corp')).toBe('/o/acme-corp/workspaces/ws_1');
    expect(withOrgSlug('/orgs/org_1/settings', 'acme')).toBe('/o/acme/settings');
    expect(withOrgSlug('/o/acme', 'acme-corp')).toBe('/o/acme-corp');
    expect(withOrgSlug('/orgs/org_1/', 'acme')).toBe('/o/acme');
  });
});
