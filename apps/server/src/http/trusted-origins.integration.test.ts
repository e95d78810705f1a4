import { afterAll, beforeAll, expect, it } from 'vitest';
import { signInWith } from '../../test/account-helpers.ts';
import { createUser, PASSWORD } from '../../test/factories.ts';
import { connected, startTestServer, type TestServer } from '../../test/test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const port = () => new URL(t.server.url).port;

it('signs in from every loopback name of the local URL while PUBLIC_URL is unset', async () => {
  const person = await createUser(t.database.db, 'Lou Loopback');
  for (const origin of [`http://localhost:${port()}`, `http://127.0.0.1:${port()}`, `http://[::1]:${port()}`]) {
    const response = await signInWith(t.server, person.email, PASSWORD, { origin });
    expect(response.status, origin).toBe(200);
  }
});

it('refuses a foreign origin at sign-in, on changes and at the socket handshake', async () => {
  const person = await createUser(t.database.db, 'Fran Foreign');
  const signIn = await signInWith(t.server, person.email, PASSWORD, { origin: 'http://evil.example' });
  expect(signIn.status).toBe(403);
  const client = await t.signIn(person.email);
  const change = await client.request('PATCH', '/api/me', { name: 'X', version: 1 }, { origin: 'http://evil.example' });
  expect(change.status).toBe(403);
  const socket = client.socket({ origin: 'http://evil.example' });
  await expect(connected(socket)).rejects.toThrow();
  const loopback = client.socket({ origin: `http://127.0.0.1:${port()}` });
  await connected(loopback);
  loopback.disconnect();
});
