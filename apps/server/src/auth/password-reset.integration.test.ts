import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusal } from '../../test/invitation-helpers.ts';
import { linkIn, mailsTo, post, signInWith, STRONG_PASSWORD } from '../../test/account-helpers.ts';
import { createUser, PASSWORD } from '../../test/factories.ts';
import { connected, startTestServer, type TestServer } from '../../test/test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const requestReset = (email: string) =>
  post(t.server, '/api/auth/request-password-reset', { email, redirectTo: '/reset-password' });

/** Follows the mailed link as a browser would: it lands on /reset-password?token=…. */
async function resetTokenFor(email: string): Promise<string> {
  const link = linkIn((await mailsTo(t, email)).at(-1), t.server.url);
  const landed = await t.server.app.request(link);
  expect(landed.status).toBe(302);
  const location = new URL(landed.headers.get('location')!, t.server.url);
  expect(location.pathname).toBe('/reset-password');
  return location.searchParams.get('token')!;
}

describe('forgot password', () => {
  it('answers the same for known and unknown addresses, and mails only the known one', async () => {
    const known = await createUser(t.database.db, 'Rita Reset');
    const [a, b] = [await requestReset(known.email), await requestReset('nobody.here@example.test')];
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(await a.json()).toEqual(await b.json());
    expect((await mailsTo(t, known.email)).map((m) => m.subject)).toEqual(['Reset your Roster password']);
    expect(await mailsTo(t, 'nobody.here@example.test')).toEqual([]);
  });

  it('resets with a strong password once, signs every other session out and closes its sockets', async () => {
    const person = await createUser(t.database.db, 'Sam Sessions');
    const otherTab = await t.signIn(person.email);
    const socket = otherTab.socket();
    await connected(socket);
    const dropped = new Promise<string>((resolve) => socket.on('disconnect', resolve));

    await requestReset(person.email);
    const token = await resetTokenFor(person.email);
    const weak = await post(t.server, '/api/auth/reset-password', { token, newPassword: 'password1234' });
    expect(await refusal(weak)).toEqual({ status: 400, code: 'WEAK_PASSWORD' });
    const reset = await post(t.server, '/api/auth/reset-password', { token, newPassword: STRONG_PASSWORD });
    expect(reset.status).toBe(200);

    expect(await dropped).toBe('io server disconnect');
    expect((await otherTab.get('/api/me')).status).toBe(401);
    expect((await signInWith(t.server, person.email, PASSWORD)).status).toBe(401);
    expect((await signInWith(t.server, person.email, STRONG_PASSWORD)).status).toBe(200);
    const again = await post(t.server, '/api/auth/reset-password', {
      token,
      newPassword: 'another strong passphrase 9',
    });
    expect(again.status).toBe(400);
  });

  it('keeps reset tokens only as a hash', async () => {
    const person = await createUser(t.database.db, 'Hugo Hash');
    await requestReset(person.email);
    const token = await resetTokenFor(person.email);
    const rows = await t.database.db.selectFrom('verifications').select(['identifier', 'value']).execute();
    expect(rows.some((r) => r.identifier.includes(token) || r.value.includes(token))).toBe(false);
  });
});
