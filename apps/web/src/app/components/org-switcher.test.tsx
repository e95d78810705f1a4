import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { useQuery } from '@tanstack/react-query';
import { meQueryOptions } from '../../features/auth/api/me-query.ts';
import { lastOrgId } from '../../features/orgs/utils/last-org.ts';
import { renderRoute } from '../../test/render.tsx';
import { as, orgIdOf, signInAs, withServerApp } from '../../test/server-app/index.ts';
import { OrgSwitcher } from './org-switcher.tsx';

withServerApp();

function SwitcherFor({ currentOrgId }: { currentOrgId: string }) {
  const { data: me } = useQuery(meQueryOptions());
  return me ? <OrgSwitcher me={me} currentOrgId={currentOrgId} /> : null;
}

describe('OrgSwitcher', () => {
  it('shows admins what waits in each org: invitations not yet accepted and requests not yet decided', async () => {
    signInAs('ada');
    const acme = await orgIdOf('acme');
    await as('grace').post(`/api/orgs/${acme}/invitations`, {
      emails: ['one@example.test', 'two@example.test'],
      role: 'MEMBER',
    });
    // Linus may only propose (the members_request policy): his is a request.
    await as('linus').post(`/api/orgs/${acme}/invitations`, { emails: ['three@example.test'], role: 'MEMBER' });
    const { user } = renderRoute(<SwitcherFor currentOrgId={acme} />);
    await user.click(await screen.findByRole('button', { name: 'Organization: Acme. Switch organization' }));
    expect(await screen.findByRole('menuitem', { name: /^Acme/ })).toHaveTextContent('Admin · 2 invited · 1 request');
  });

  it('lists your orgs with your role, marks the current one, and goes to another by keyboard', async () => {
    signInAs('ada');
    const acme = await orgIdOf('acme');
    const { org: beta } = await as('ada').post<{ org: { id: string; slug: string } }>('/api/orgs', { name: 'Beta' });
    const { user, router } = renderRoute(<SwitcherFor currentOrgId={acme} />, {
      routes: [{ path: '/o/:slug/members', element: <p>Members page</p> }],
    });

    const trigger = await screen.findByRole('button', { name: 'Organization: Acme. Switch organization' });
    trigger.focus();
    await user.keyboard('{Enter}');
    const items = await screen.findAllByRole('menuitem');
    expect(items.map((item) => item.textContent)).toEqual(['AcmeAdmin', 'BetaAdmin', 'Create organization']);
    expect(items[0]).toHaveAttribute('aria-current', 'page');
    expect(items[1]).not.toHaveAttribute('aria-current');

    // Opened by keyboard, the menu focuses its first item: one step down is Beta.
    await user.keyboard('{ArrowDown}{Enter}');
    expect(await screen.findByText('Members page')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/o/${beta.slug}/members`);
    expect(lastOrgId()).toBe(beta.id);
  });

  it('opens the create dialog from its last item', async () => {
    signInAs('ada');
    const { user } = renderRoute(<SwitcherFor currentOrgId={await orgIdOf('acme')} />);
    await user.click(await screen.findByRole('button', { name: /Switch organization/ }));
    await user.click(await screen.findByRole('menuitem', { name: 'Create organization' }));
    expect(await screen.findByRole('dialog', { name: 'Create an organization' })).toBeInTheDocument();
  });
});
