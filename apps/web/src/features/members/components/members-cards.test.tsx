import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { PHONE_QUERY } from '../../../lib/breakpoints.ts';
import { matchMediaQueries } from '../../../test/media-queries.ts';
import { renderRoute } from '../../../test/render.tsx';
import { memberCountOf, orgIdOf, signInAs, userIdOf, withServerApp } from '../../../test/server-app/index.ts';
import { MembersPage } from './members-page.tsx';

withServerApp();

async function renderMembers() {
  signInAs('ada');
  const orgId = await orgIdOf('acme');
  return renderRoute(<MembersPage orgId={orgId} orgName="Acme" viewerId={await userIdOf('ada')} viewerRole="ADMIN" />, {
    path: '/orgs/:orgId/members',
    url: `/orgs/${orgId}/members`,
  });
}

describe('MembersPage on a phone', () => {
  it('lists members as cards with the table’s controls instead of the table', async () => {
    matchMediaQueries(PHONE_QUERY);
    await renderMembers();
    const list = await screen.findByRole('list', { name: 'Members' });
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    const [ada, next] = within(list).getAllByRole('article');
    expect(ada).toHaveAccessibleName('Ada Lovelace');
    // Your own role is not editable here either; someone else's is.
    expect(within(ada!).getByRole('combobox', { name: 'Role for Ada Lovelace' })).toBeDisabled();
    const name = next!.getAttribute('aria-label')!;
    expect(within(next!).getByRole('combobox', { name: `Role for ${name}` })).toBeEnabled();
    expect(within(next!).getByRole('button', { name: `Actions for ${name}` })).toBeInTheDocument();
    expect(within(next!).getByRole('checkbox', { name: `Select ${name}` })).toBeInTheDocument();
    // Virtualized like the table's rows: the list says how many there are in all.
    const members = await memberCountOf(await orgIdOf('acme'));
    expect(within(list).getAllByRole('listitem')[0]).toHaveAttribute('aria-setsize', String(members));
  });

  it('sorts from its own control, since cards have no column headers', async () => {
    matchMediaQueries(PHONE_QUERY);
    const { user, router } = await renderMembers();
    await screen.findByRole('list', { name: 'Members' });
    await user.click(screen.getByRole('combobox', { name: 'Sort members' }));
    await user.click(await screen.findByRole('option', { name: 'Newest first' }));
    await waitFor(() => expect(router.state.location.search).toContain('sort=joinedAt'));
    expect(router.state.location.search).toContain('order=desc');
  });

  it('selects every loaded card for a bulk action', async () => {
    matchMediaQueries(PHONE_QUERY);
    const { user } = await renderMembers();
    await screen.findByRole('list', { name: 'Members' });
    await user.click(screen.getByRole('checkbox', { name: 'Select all loaded members' }));
    expect(await screen.findByRole('region', { name: 'Bulk actions' })).toHaveTextContent(/selected/);
  });
});
