import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { MembersPage } from './members-page.tsx';
import { renderRoute, signInAs } from '../../../test/render.tsx';
import { server } from '../../../mocks/server.ts';
import { findOrg } from '../../../mocks/db.ts';
import { changeRole } from '../../../mocks/member-rules.ts';
import { demoPeople } from '../../../mocks/fixtures/people.ts';
import { errorResponse } from '../../../mocks/mock-errors.ts';

const ORG = 'org_acme';

function renderMembers(url = `/orgs/${ORG}/members`, as: 'ada' | 'linus' = 'ada') {
  const viewer = signInAs(as);
  const role = as === 'ada' ? 'ADMIN' : 'MEMBER';
  return renderRoute(<MembersPage orgId={ORG} orgName="Acme" viewerId={viewer.id} viewerRole={role} />, {
    path: '/orgs/:orgId/members',
    url,
  });
}

/** Every members list request the handlers answer, as URLSearchParams. */
function recordListRequests() {
  const seen: URLSearchParams[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (request.method === 'GET' && url.pathname === `/api/orgs/${ORG}/members`) seen.push(url.searchParams);
  });
  return seen;
}

describe('MembersPage', () => {
  it('renders the members the API returns, with the total', async () => {
    renderMembers();
    expect(await screen.findByText('60 members')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Members' });
    expect(within(table).getByText('ada@acme.test')).toBeInTheDocument();
    // Virtualized: all 60 are announced, only the visible window is in the DOM.
    expect(table).toHaveAttribute('aria-rowcount', '61');
    const rendered = within(table).getAllByRole('row').length;
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(40);
    expect(screen.getByRole('combobox', { name: 'Role for Grace Hopper' })).toHaveTextContent('Admin');
    // Your own role is not editable.
    expect(screen.getByRole('combobox', { name: 'Role for Ada Lovelace' })).toBeDisabled();
  });

  it('asks the server to sort when a header is clicked, and reflects it in aria-sort and the URL', async () => {
    const requests = recordListRequests();
    const { user, router } = renderMembers();
    await screen.findByText('60 members');
    expect(screen.getByRole('columnheader', { name: /Member/ })).toHaveAttribute('aria-sort', 'ascending');

    await user.click(screen.getByRole('button', { name: /Joined/ }));

    await waitFor(() => expect(requests.at(-1)?.get('sort')).toBe('joinedAt'));
    expect(requests.at(-1)?.get('order')).toBe('desc');
    expect(router.state.location.search).toContain('sort=joinedAt');
    expect(screen.getByRole('columnheader', { name: /Joined/ })).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getByRole('columnheader', { name: /Member/ })).not.toHaveAttribute('aria-sort');
  });

  it('searches (debounced) and filters by role through the request', async () => {
    const requests = recordListRequests();
    const { user, router } = renderMembers();
    await screen.findByText('60 members');

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
    const { user } = renderMembers(`/orgs/${ORG}/members?q=grace`);
    const select = await screen.findByRole('combobox', { name: 'Role for Grace Hopper' });
    await user.click(select);
    await user.click(await screen.findByRole('option', { name: /^Member/ }));
    const ask = await screen.findByRole('alertdialog', { name: 'Make Grace Hopper Member?' });
    await user.click(within(ask).getByRole('button', { name: 'Cancel' }));
    expect(select).toHaveTextContent('Admin');
    expect(findOrg(ORG)!.members.find((m) => m.userId === demoPeople.grace.id)!.role).toBe('ADMIN');

    await user.click(select);
    await user.click(await screen.findByRole('option', { name: /^Member/ }));
    await user.click(
      within(await screen.findByRole('alertdialog', { name: 'Make Grace Hopper Member?' })).getByRole('button', {
        name: 'Make Member',
      }),
    );
    await waitFor(() =>
      expect(findOrg(ORG)!.members.find((m) => m.userId === demoPeople.grace.id)!.role).toBe('MEMBER'),
    );
  });

  it('shows who won a conflicting edit and puts the current role into the row', async () => {
    const { user } = renderMembers(`/orgs/${ORG}/members?q=linus`);
    const select = await screen.findByRole('combobox', { name: 'Role for Linus Torvalds' });
    expect(select).toHaveTextContent('Member');
    // Meanwhile, Grace makes Linus an external; this page has not heard of it.
    const linus = findOrg(ORG)!.members.find((m) => m.userId === demoPeople.linus.id)!;
    changeRole(findOrg(ORG)!, demoPeople.grace.id, linus.userId, 'EXTERNAL', linus.version);

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
    server.use(http.patch(`/api/orgs/:orgId/members/:userId`, () => errorResponse('LAST_ADMIN_PROTECTED', 'keep one')));
    const { user } = renderMembers(`/orgs/${ORG}/members?q=grace`);
    await user.click(await screen.findByRole('combobox', { name: 'Role for Grace Hopper' }));
    await user.click(await screen.findByRole('option', { name: /Member/ }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Make Member' }));
    expect(await screen.findByText(/must keep at least one admin/)).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Role for Grace Hopper' })).toHaveTextContent('Admin');
  });

  it('removes a member after a confirmation that names them', async () => {
    const { user } = renderMembers(`/orgs/${ORG}/members?q=linus`);
    await user.click(await screen.findByRole('button', { name: 'Actions for Linus Torvalds' }));
    await user.click(await screen.findByRole('menuitem', { name: /Remove from organization/ }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove Linus Torvalds from Acme?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove Linus Torvalds' }));

    expect(await screen.findByText('Removed Linus Torvalds from Acme')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('table')).not.toBeInTheDocument());
    expect(findOrg(ORG)!.members.some((m) => m.userId === demoPeople.linus.id)).toBe(false);
  });

  it('shows "Access restricted" to a member when the API answers 403', async () => {
    renderMembers(undefined, 'linus');
    expect(await screen.findByRole('heading', { name: 'Access restricted' })).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('turns into "Access restricted" without a reload once you are demoted', async () => {
    const { queryClient } = renderMembers();
    await screen.findByText('60 members');
    // What live-updates does on `access.changed`: the lists are refetched with the new role.
    const org = findOrg(ORG)!;
    org.members = org.members.map((m) => (m.userId === demoPeople.ada.id ? { ...m, role: 'MEMBER' } : m));
    await queryClient.invalidateQueries({ queryKey: ['members', ORG, 'list'] });
    expect(await screen.findByRole('heading', { name: 'Access restricted' })).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('offers a retry when the list fails to load', async () => {
    server.use(
      http.get(`/api/orgs/:orgId/members`, () =>
        HttpResponse.json({ error: { code: 'INTERNAL', message: 'boom' } }, { status: 500 }),
      ),
    );
    renderMembers();
    expect(await screen.findByRole('heading', { name: 'Couldn’t load members' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
