import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { http } from 'msw';
import { RequestAccess } from './request-access.tsx';
import { renderRoute } from '../../../test/render.tsx';
import { server } from '../../../test/msw-server.ts';
import { orgIdOf, signInAs, testDb, withServerApp } from '../../../test/server-app/index.ts';

withServerApp();

let orgId = '';

async function renderPanel() {
  orgId = await orgIdOf('acme');
  signInAs('linus');
  return renderRoute(<RequestAccess orgId={orgId} page="settings" />);
}

/** Every access-request body, in order; the server still answers them. */
function recordRequests() {
  const bodies: unknown[] = [];
  server.use(
    http.post('/api/orgs/:orgId/access-requests', async ({ request }) => {
      bodies.push(await request.clone().json());
    }),
  );
  return bodies;
}

async function sendRequest(user: Awaited<ReturnType<typeof renderPanel>>['user'], message?: string) {
  await user.click(await screen.findByRole('button', { name: 'Request access' }));
  if (message) await user.type(await screen.findByLabelText(/Message/), message);
  await user.click(screen.getByRole('button', { name: 'Send request' }));
}

describe('RequestAccess', () => {
  it('names the admins to ask, by name only', async () => {
    await renderPanel();
    expect(await screen.findByText('Ada Lovelace, Grace Hopper')).toBeInTheDocument();
    expect(screen.getByText(/Ask an admin:/)).toBeInTheDocument();
    expect(screen.queryByText(/@/)).not.toBeInTheDocument();
  });

  it('names the first three admins and counts the rest', async () => {
    const db = await testDb();
    const acme = await orgIdOf('acme');
    const twoMembers = await db
      .selectFrom('org_members')
      .innerJoin('users', 'users.id', 'org_members.user_id')
      .select('org_members.user_id')
      .where('org_members.org_id', '=', acme)
      .where('org_members.role', '=', 'MEMBER')
      .where('users.email', '!=', 'linus@acme.test')
      .limit(2)
      .execute();
    await db
      .updateTable('org_members')
      .set({ role: 'ADMIN' })
      .where('org_id', '=', acme)
      .where(
        'user_id',
        'in',
        twoMembers.map((m) => m.user_id),
      )
      .execute();
    await renderPanel();
    expect(await screen.findByText(/^Ada Lovelace, .+, .+ and 1 more$/)).toBeInTheDocument();
  });

  it('sends the request with the note, then says so and cannot be sent twice', async () => {
    const bodies = recordRequests();
    const { user } = await renderPanel();
    await sendRequest(user, 'I run the on-call rota.');
    expect(await screen.findByText('Request sent. The admins will get an email.')).toBeInTheDocument();
    expect(bodies).toEqual([{ page: 'settings', message: 'I run the on-call rota.' }]);
    expect(screen.getByRole('button', { name: 'Request access' })).toBeDisabled();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('says when they may ask again after already asking within the hour', async () => {
    const first = await renderPanel();
    await sendRequest(first.user);
    await screen.findByText('Request sent. The admins will get an email.');
    first.unmount();

    const { user } = await renderPanel();
    await sendRequest(user);
    expect(
      await screen.findByText('You already asked for access to this page within the last hour. Try again in an hour.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Request access' })).toBeDisabled();
  });
});
