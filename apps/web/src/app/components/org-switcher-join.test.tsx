import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { useQuery } from '@tanstack/react-query';
import { meQueryOptions } from '../../features/auth/api/me-query.ts';
import { verifiedDomain } from '../../features/domains/test-domains.ts';
import { renderRoute } from '../../test/render.tsx';
import { as, orgIdOf, signInAs, testDb, userIdOf, withServerApp } from '../../test/server-app/index.ts';
import { OrgSwitcher } from './org-switcher.tsx';

withServerApp();

function SwitcherFor({ currentOrgId }: { currentOrgId: string }) {
  const { data: me } = useQuery(meQueryOptions());
  return me ? <OrgSwitcher me={me} currentOrgId={currentOrgId} /> : null;
}

describe('OrgSwitcher, for someone already in an org', () => {
  it('offers the orgs their address lets them join, and joins one as a member', async () => {
    // Grace starts Beta and verifies acme.test for it; Linus, at acme.test, is only in Acme.
    const { org: beta } = await as('grace').post<{ org: { id: string; slug: string } }>('/api/orgs', { name: 'Beta' });
    await verifiedDomain(beta.id, 'acme.test', 'suggest', 'grace');
    signInAs('linus');
    const { user, router } = renderRoute(<SwitcherFor currentOrgId={await orgIdOf('acme')} />, {
      routes: [{ path: '/o/:slug/welcome', element: <p>Welcome page of the org</p> }],
    });

    await user.click(await screen.findByRole('button', { name: /Switch organization/ }));
    await user.click(await screen.findByRole('menuitem', { name: 'Join Beta' }));

    expect(await screen.findByText('Welcome page of the org')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/o/${beta.slug}/welcome`);
    const member = await (
      await testDb()
    )
      .selectFrom('org_members')
      .select('role')
      .where('org_id', '=', beta.id)
      .where('user_id', '=', await userIdOf('linus'))
      .executeTakeFirst();
    expect(member).toEqual({ role: 'MEMBER' });
  });
});
