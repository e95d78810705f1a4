import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { OrgDetailResponse, PersonalEvent } from '@roster/contracts';
import { createQueryClient } from '../lib/query-client.ts';
import { getSocket } from '../lib/socket.ts';
import type { FakeSocket } from '../lib/test-support/fake-socket.ts';
import { as, orgIdOf, signInAs, userIdOf, withServerApp } from '../test/server-app/index.ts';
import { AppProviders } from './providers.tsx';
import { appRoutes } from './router.tsx';

// The app's one socket, played by hand: the test is the server's side of it.
vi.mock('../lib/socket.ts', async () => {
  const { FakeSocket } = await import('../lib/test-support/fake-socket.ts');
  const socket = new FakeSocket();
  return { getSocket: () => socket, connectSocket: () => {}, disconnectSocket: () => {} };
});
const socket = getSocket() as unknown as FakeSocket;

withServerApp();

/** The whole signed-in app, opened at `url`. */
function renderApp(url: string) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const router = createMemoryRouter(appRoutes(queryClient), { initialEntries: [url] });
  const user = userEvent.setup();
  render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { router, user };
}

/**
 * What the server pushes to each member's tabs when Ada deletes or restores Acme: the news, then
 * their access as it now is (ADR 20).
 */
async function adaTellsEveryTab(action: 'delete' | 'restore', role: 'ADMIN' | null): Promise<void> {
  const orgId = await orgIdOf('acme');
  const { org } =
    action === 'delete'
      ? await as('ada').delete<OrgDetailResponse>(`/api/orgs/${orgId}`, { confirm: 'Acme' })
      : await as('ada').post<OrgDetailResponse>(`/api/orgs/${orgId}/restore`);
  const envelope = {
    orgId,
    seq: null,
    at: new Date().toISOString(),
    actor: { id: await userIdOf('ada'), name: 'Ada Lovelace' },
  };
  const summary = { id: org.id, name: org.name, slug: org.slug, version: org.version };
  const news: PersonalEvent =
    action === 'delete'
      ? { ...envelope, type: 'org.deleted', data: { org: summary, purgeAfter: org.purgeAfter! } }
      : { ...envelope, type: 'org.restored', data: { org: summary } };
  socket.serverEmit('roster:event', news);
  socket.serverEmit('roster:event', { ...envelope, type: 'access.changed', data: { role } });
}

const notifications = () => screen.findByRole('region', { name: /Notifications/ });
const switcher = () => screen.findByRole('button', { name: /Switch organization$/ });

describe('an organization deleted while its pages are open', () => {
  it('takes a member’s open page out of it at once, saying who deleted it', async () => {
    signInAs('grace');
    const { router } = renderApp('/o/acme/members');
    expect(await screen.findByRole('table', { name: 'Members' })).toBeInTheDocument();

    await adaTellsEveryTab('delete', null);

    // Acme was Grace's only org: she lands on the welcome page.
    await waitFor(() => expect(router.state.location.pathname).toBe('/no-organizations'));
    const toasts = await notifications();
    expect(within(toasts).getByText('Ada Lovelace deleted Acme')).toBeInTheDocument();
    expect(within(toasts).getByText('Nobody but its creator can open it now.')).toBeInTheDocument();
    // One story, not two: she was not "removed".
    expect(within(toasts).queryByText(/You were removed/)).not.toBeInTheDocument();
    expect(within(toasts).getAllByRole('listitem')).toHaveLength(1);
  });

  it('gives the member Acme back in the switcher when Ada restores it', async () => {
    signInAs('grace');
    const { router, user } = renderApp('/o/acme/members');
    expect(await screen.findByRole('table', { name: 'Members' })).toBeInTheDocument();
    await adaTellsEveryTab('delete', null);
    await waitFor(() => expect(router.state.location.pathname).toBe('/no-organizations'));
    expect(screen.queryByRole('button', { name: /Switch organization$/ })).not.toBeInTheDocument();

    await adaTellsEveryTab('restore', 'ADMIN');

    expect(await within(await notifications()).findByText('Ada Lovelace restored Acme')).toBeInTheDocument();
    await user.click(await switcher());
    expect(await screen.findByRole('menuitem', { name: /^Acme/ })).toHaveTextContent('AcmeAdmin');
    expect(screen.queryByText(/changed your role/)).not.toBeInTheDocument();
  });

  it('turns the creator’s other tab into the deleted page, listed as Deleted in the switcher', async () => {
    signInAs('ada');
    const { router, user } = renderApp('/o/acme/members');
    expect(await screen.findByRole('table', { name: 'Members' })).toBeInTheDocument();

    await adaTellsEveryTab('delete', null);

    expect(await screen.findByRole('heading', { name: 'Acme was deleted', level: 1 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/o/acme/members');
    expect(screen.queryByRole('navigation', { name: 'Acme pages' })).not.toBeInTheDocument();
    await user.click(await switcher());
    expect(await screen.findByRole('menuitem', { name: /^Acme/ })).toHaveTextContent('AcmeDeleted');
  });
});
