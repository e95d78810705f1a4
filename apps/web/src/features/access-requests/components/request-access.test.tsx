import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { http } from 'msw';
import { RequestAccess } from './request-access.tsx';
import { renderRoute, signInAs } from '../../../test/render.tsx';
import { findOrg } from '../../../mocks/db.ts';
import { server } from '../../../mocks/server.ts';

const ORG = 'org_acme';

function renderPanel() {
  signInAs('linus');
  return renderRoute(<RequestAccess orgId={ORG} page="settings" />);
}

/** Every access-request body, in order; the mocked server still answers them. */
function recordRequests() {
  const bodies: unknown[] = [];
  server.use(
    http.post('/api/orgs/:orgId/access-requests', async ({ request }) => {
      bodies.push(await request.clone().json());
    }),
  );
  return bodies;
}

async function sendRequest(user: ReturnType<typeof renderPanel>['user'], message?: string) {
  await user.click(await screen.findByRole('button', { name: 'Request access' }));
  if (message) await user.type(await screen.findByLabelText(/Message/), message);
  await user.click(screen.getByRole('button', { name: 'Send request' }));
}

describe('RequestAccess', () => {
  it('names the admins to ask, by name only', async () => {
    renderPanel();
    expect(await screen.findByText('Ada Lovelace, Grace Hopper')).toBeInTheDocument();
    expect(screen.getByText(/Ask an admin:/)).toBeInTheDocument();
    expect(screen.queryByText(/@/)).not.toBeInTheDocument();
  });

  it('names the first three admins and counts the rest', async () => {
    const org = findOrg(ORG)!;
    org.members
      .filter((m) => m.role !== 'ADMIN')
      .slice(0, 2)
      .forEach((m) => (m.role = 'ADMIN'));
    renderPanel();
    expect(await screen.findByText(/^Ada Lovelace, .+, .+ and 1 more$/)).toBeInTheDocument();
  });

  it('sends the request with the note, then says so and cannot be sent twice', async () => {
    const bodies = recordRequests();
    const { user } = renderPanel();
    await sendRequest(user, 'I run the on-call rota.');
    expect(await screen.findByText('Request sent. The admins will get an email.')).toBeInTheDocument();
    expect(bodies).toEqual([{ page: 'settings', message: 'I run the on-call rota.' }]);
    expect(screen.getByRole('button', { name: 'Request access' })).toBeDisabled();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('says when they may ask again after already asking within the hour', async () => {
    const first = renderPanel();
    await sendRequest(first.user);
    await screen.findByText('Request sent. The admins will get an email.');
    first.unmount();

    const { user } = renderPanel();
    await sendRequest(user);
    expect(
      await screen.findByText('You already asked for access to this page within the last hour. Try again in an hour.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Request access' })).toBeDisabled();
  });
});
