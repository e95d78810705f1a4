import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createQueryClient } from '../lib/query-client.ts';
import { testDb, withServerApp } from '../test/server-app/index.ts';
import { addAcmeDomain, linkMailedTo } from '../features/domains/test-domains.ts';
import { AppProviders } from './providers.tsx';
import { appRoutes } from './router.tsx';

// The signed-in layout opens the live connection; nothing here needs it.
vi.mock('../lib/socket.ts', async () => {
  const { FakeSocket } = await import('../lib/test-support/fake-socket.ts');
  const socket = new FakeSocket();
  return { getSocket: () => socket, connectSocket: () => {}, disconnectSocket: () => {} };
});

withServerApp();

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

describe('/verify-domain', () => {
  it('sends someone signed out to sign in first, then back to the link, which verifies the domain', async () => {
    await addAcmeDomain('acme.test');
    const link = await linkMailedTo('it@acme.test');
    const path = `${link.pathname}${link.search}`;
    const { router, user } = renderApp(path);

    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe(path);

    await user.type(screen.getByLabelText('Email'), 'ada@acme.test');
    await user.type(screen.getByLabelText('Password'), 'roster-demo');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'acme.test is verified for Acme' })).toBeInTheDocument();
    expect(`${router.state.location.pathname}${router.state.location.search}`).toBe(path);
    // Ada is an admin of Acme: the next step is choosing who may join.
    expect(screen.getByRole('link', { name: 'Choose who may join' })).toHaveAttribute('href', '/o/acme/settings');
    const stored = await (await testDb()).selectFrom('org_domains').select('status').executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: 'verified' });
  });
});
