import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { MembersPage } from './members-page.tsx';
import { renderRoute } from '../../../test/render.tsx';
import { errorResponse } from '../../../test/error-response.ts';
import { server } from '../../../test/msw-server.ts';
import { as, orgIdOf, signInAs, testDb, userIdOf, withServerApp } from '../../../test/server-app/index.ts';

withServerApp();

async function renderMembers(query = '', person: 'ada' | 'linus' = 'ada') {
  signInAs(person);
  const orgId = await orgIdOf('acme');
  const role = person === 'ada' ? 'ADMIN' : 'MEMBER';
  const view = renderRoute(
    <MembersPage orgId={orgId} orgName="Acme" viewerId={await userIdOf(person)} viewerRole={role} />,
    { path: '/orgs/:orgId/members', url: `/orgs/${orgId}/members${query}` },
  );
  return { ...view, orgId };
}

async function acmeMembers() {
  return (await testDb())
    .selectFrom('org_members')
    .select(['user_id', 'role', 'version'])
    .where('org_id', '=', await orgIdOf('acme'))
    .execute();
}

async function roleOf(person: 'ada' | 'grace' | 'linus') {
  const id = await userIdOf(person);
  return (await acmeMembers()).find((m) => m.user_id === id)?.role ?? null;
}

/** Every members list request the handlers answer, as URLSearchParams. */
function recordListRequests() {
  const seen: URLSearchParams[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (request.method === 'GET' && /^\/api\/orgs\/[^/]+\/members$/.test(url.pathname)) seen.push(url.searchParams);
  });
  return seen;
}

describe('MembersPage', () => {
  it('renders the members the API returns, with the total', async () => {
    await renderMembers();
    const total = (await acmeMembers()).length;
    expect(await screen.findByText(`${total} members`)).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Members' });
    expect(within(table).getByText('ada@acme.test')).toBeInTheDocument();
    // Virtualized: every member is announced, only the visible window is in the DOM.
    expect(table).toHaveAttribute('aria-rowcount', String(total + 1));
    const rendered = within(table).getAllByRole('row').length;
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(40);
    expect(screen.getByRole('combobox', { name: 'Role for Grace Hopper' })).toHaveTextContent('Admin');
    // Your own role is not editable.
    expect(screen.getByRole('combobox', { name: 'Role for Ada Lovelace' })).toBeDisabled();
  });

  it('asks the server to sort when a header is clicked, and reflects it in aria-sort and the URL', async () => {
    const requests = recordListRequests();
    const { user, router } = await renderMembers();
    await screen.findByText(/^\d+ members$/);
    expect(screen.getByRole('columnheader', { name: /Member/ })).toHaveAttribute('aria-sort', 'ascending');

    await user.click(screen.getByRole('button', { name: /Joined/ }));

    await waitFor(() => expect(requests.at(-1)?.get('sort')).toBe('joinedAt'));
    expect(requests.at(-1)?.get('order')).toBe('desc');
    expect(router.state.location.search).toContain('sort=joinedAt');
    expect(screen.getByRole('columnheader', { name: /Joined/ })).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getByRole('columnheader', { name: /Member/ })).not.toHaveAttribute('aria-sort');
  });

  it('says "1,000+" when a broad search stopped counting at the cap', async () => {
    const member = {
      userId: 'capped-1',
      name: 'Ada Lovelace',
      email: 'ada@acme.test',
      role: 'MEMBER',
      lite: false,
      joinedAt: '2024-01-01T00:00:00.000Z',
      twoFactorEnabled: false,
      version: 1,
      workspaces: [],
      lastChange: null,
    };
    server.use(
      http.get(`/api/orgs/:orgId/members`, ({ request }) =>
        new URL(request.url).searchParams.get('cursor')
          ? HttpResponse.json({ items: [], nextCursor: null, total: 1000, totalIsCapped: true, seq: 0 })
          : HttpResponse.json({ items: [member], nextCursor: 'next', total: 1000, totalIsCapped: true, seq: 0 }),
      ),
    );
    await renderMembers('?q=a');
    expect(await screen.findByText('1,000+ members match')).toBeInTheDocument();
    // How many rows there are is not known: ARIA's -1.
    expect(screen.getByRole('table', { name: 'Members' })).toHaveAttribute('aria-rowcount', '-1');
  });

  it('searches (debounced) and filters by role through the request', async () => {
    const requests = recordListRequests();
    const { user, router } = await renderMembers();
    await screen.findByText(/^\d+ members$/);

    await user.type(screen.getByRole('searchbox', { name: 'Search members' }), 'hopper');
    await waitFor(() => expect(requests.at(-1)?.get('q')).toBe('hopper'));
    expect(await screen.findByText('1 member matches')).toBeInTheDocument();
    expect(router.state.location.search).toContain('q=hopper');

    await user.clear(screen.getByRole('searchbox', { name: 'Search members' }));
    await user.click(screen.getByRole('combobox', { name: 'Filter by role' }));
    await user.click(await screen.findByRole('option', { name: 'External' }));
    await waitFor(() => {
      expect(requests.at(-1)?.get('role')).toBe('EXTERNAL');
      expect(requests.at(-1)?.has('q')).toBe(false);
    });
    await waitFor(() => expect(screen.queryByText('grace@acme.test')).not.toBeInTheDocument());
    expect(screen.getByText('ext@partner.test')).toBeInTheDocument();
  });

  it('asks before taking admin away, and changes nothing when cancelled', async () => {
    const { user } = await renderMembers('?q=grace');
    const select = await screen.findByRole('combobox', { name: 'Role for Grace Hopper' });
    await user.click(select);
    await user.click(await screen.findByRole('option', { name: /^Member/ }));
    const ask = await screen.findByRole('alertdialog', { name: 'Make Grace Hopper Member?' });
    await user.click(within(ask).getByRole('button', { name: 'Cancel' }));
    expect(select).toHaveTextContent('Admin');
    expect(await roleOf('grace')).toBe('ADMIN');

    await user.click(select);
    await user.click(await screen.findByRole('option', { name: /^Member/ }));
    await user.click(
      within(await screen.findByRole('alertdialog', { name: 'Make Grace Hopper Member?' })).getByRole('button', {
        name: 'Make Member',
      }),
    );
    await waitFor(async () => expect(await roleOf('grace')).toBe('MEMBER'));
  });

  it('shows who won a conflicting edit and puts the current role into the row', async () => {
    const { user, orgId } = await renderMembers('?q=linus');
    const select = await screen.findByRole('combobox', { name: 'Role for Linus Torvalds' });
    expect(select).toHaveTextContent('Member');
    // Meanwhile, Grace makes Linus an external; this page has not heard of it.
    const linusId = await userIdOf('linus');
    const linus = (await acmeMembers()).find((m) => m.user_id === linusId)!;
    await as('grace').patch(`/api/orgs/${orgId}/members/${linusId}`, { role: 'EXTERNAL', version: linus.version });

    await user.click(select);
    await user.click(await screen.findByRole('option', { name: /Admin/ }));

    expect(await screen.findByText('Someone else got there first')).toBeInTheDocument();
    expect(
      screen.getByText(/Grace Hopper set Linus Torvalds to External .*; your change was not applied\./),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Role for Linus Torvalds' })).toHaveTextContent('External'),
    );
  });

  it('shows the copy for a rule refusal without changing the row', async () => {
    // Only the last admin demoting themselves meets this rule, and the page never offers that (your
    // own role is not editable), so the server's answer is stood in for.
    server.use(http.patch(`/api/orgs/:orgId/members/:userId`, () => errorResponse('LAST_ADMIN_PROTECTED', 'keep one')));
    const { user } = await renderMembers('?q=grace');
    await user.click(await screen.findByRole('combobox', { name: 'Role for Grace Hopper' }));
    await user.click(await screen.findByRole('option', { name: /Member/ }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Make Member' }));
    expect(await screen.findByText(/must keep at least one admin/)).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Role for Grace Hopper' })).toHaveTextContent('Admin');
  });

  it('removes a member after a confirmation that names them', async () => {
    const { user } = await renderMembers('?q=linus');
    await user.click(await screen.findByRole('button', { name: 'Actions for Linus Torvalds' }));
    await user.click(await screen.findByRole('menuitem', { name: /Remove from organization/ }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove Linus Torvalds from Acme?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove Linus Torvalds' }));

    expect(await screen.findByText('Removed Linus Torvalds from Acme')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('table')).not.toBeInTheDocument());
    expect(await roleOf('linus')).toBeNull();
  });

  it('shows "Access restricted" to a member when the API answers 403', async () => {
    await renderMembers('', 'linus');
    expect(await screen.findByRole('heading', { name: 'Access restricted' })).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('turns into "Access restricted" without a reload once you are demoted', async () => {
    const { queryClient, orgId } = await renderMembers();
    await screen.findByText(/^\d+ members$/);
    // Ada loses admin (as the creator, no one can demote her through the API: the row changes).
    // live-updates then refetches the lists with the new role.
    await (
      await testDb()
    )
      .updateTable('org_members')
      .set({ role: 'MEMBER' })
      .where('org_id', '=', orgId)
      .where('user_id', '=', await userIdOf('ada'))
      .execute();
    await queryClient.invalidateQueries({ queryKey: ['members', orgId, 'list'] });
    expect(await screen.findByRole('heading', { name: 'Access restricted' })).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('offers a retry when the list fails to load', async () => {
    server.use(
      http.get(`/api/orgs/:orgId/members`, () =>
        HttpResponse.json({ error: { code: 'INTERNAL', message: 'boom' } }, { status: 500 }),
      ),
    );
    await renderMembers();
    expect(await screen.findByRole('heading', { name: 'Couldn’t load members' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
