import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { useQuery } from '@tanstack/react-query';
import { meQueryOptions } from '../../features/auth/api/me-query.ts';
import { COMPACT_HEADER_QUERY } from '../../lib/breakpoints.ts';
import { matchMediaQueries } from '../../test/media-queries.ts';
import { renderRoute } from '../../test/render.tsx';
import { orgIdOf, signInAs, withServerApp } from '../../test/server-app/index.ts';
import { AppHeader } from './app-header.tsx';

withServerApp();

function Header({ orgId }: { orgId: string }) {
  const { data: me } = useQuery(meQueryOptions());
  return me ? <AppHeader me={me} currentOrgId={orgId} /> : null;
}

async function renderHeader(person: 'ada' | 'linus' = 'ada') {
  signInAs(person);
  const orgId = await orgIdOf('acme');
  return renderRoute(<Header orgId={orgId} />, { path: '/o/:slug/members', url: '/o/acme/members' });
}

describe('AppHeader', () => {
  it('shows the org’s pages, the theme and the account in one row on wide screens', async () => {
    await renderHeader();
    const nav = await screen.findByRole('navigation', { name: 'Acme pages' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual(['Members', 'Workspaces', 'Audit log', 'Settings', 'Developers']);
    expect(within(nav).getByRole('link', { name: 'Audit log' })).toHaveAttribute('href', '/o/acme/audit');
    expect(screen.getByRole('button', { name: 'Theme: System' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Account menu for Ada Lovelace/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign out' })).toHaveTextContent('Sign out');
    expect(screen.queryByRole('button', { name: 'Menu' })).not.toBeInTheDocument();
  });

  it('leaves the admins’ pages out of a member’s', async () => {
    await renderHeader('linus');
    const nav = await screen.findByRole('navigation', { name: 'Acme pages' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual(['Members', 'Workspaces']);
  });

  it('folds pages and theme into one menu on narrow screens, keeping the account and signing out', async () => {
    matchMediaQueries(COMPACT_HEADER_QUERY);
    const { user } = await renderHeader();
    await user.click(await screen.findByRole('button', { name: 'Menu' }));
    const menu = await screen.findByRole('menu');
    expect(within(menu).getByRole('menuitem', { name: 'Members' })).toHaveAttribute('aria-current', 'page');
    expect(within(menu).getByRole('menuitem', { name: 'Settings' })).toBeInTheDocument();
    expect(within(menu).getByRole('menuitemradio', { name: 'System' })).toHaveAttribute('aria-checked', 'true');
    expect(screen.queryByRole('navigation', { name: 'Acme pages' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Account menu for Ada Lovelace/ })).toBeInTheDocument();
    // An icon now, still named for what it does.
    expect(screen.getByRole('button', { name: 'Sign out' })).not.toHaveTextContent('Sign out');
  });

  it('applies and saves the theme chosen in its menu', async () => {
    const { user } = await renderHeader();
    await user.click(await screen.findByRole('button', { name: 'Theme: System' }));
    await user.click(await screen.findByRole('menuitemradio', { name: 'Dark' }));
    expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
    expect(localStorage.getItem('roster.theme')).toBe('dark');
    expect(await screen.findByRole('button', { name: 'Theme: Dark' })).toBeInTheDocument();
    // Back to following the system.
    await user.click(screen.getByRole('button', { name: 'Theme: Dark' }));
    await user.click(await screen.findByRole('menuitemradio', { name: 'System' }));
    expect(document.documentElement).not.toHaveAttribute('data-theme');
  });
});
