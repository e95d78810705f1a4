import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusal } from '../../test/invitation-helpers.ts';
import { clientFrom, cookieOf, post, signInWith, totpFor } from '../../test/account-helpers.ts';
import { createUser, PASSWORD } from '../../test/factories.ts';
import { startTestServer, type TestServer } from '../../test/test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

/** Turns two-factor on for a person as the account page does: enable, then confirm a code. */
async function enableTwoFactor(email: string) {
  const client = await t.signIn(email);
  const enabled = await client.post('/api/auth/two-factor/enable', { password: PASSWORD });
  expect(enabled.status).toBe(200);
  const { totpURI, backupCodes } = (await enabled.json()) as { totpURI: string; backupCodes: string[] };
  const confirmed = await client.post('/api/auth/two-factor/verify-totp', { code: totpFor(totpURI) });
  expect(confirmed.status).toBe(200);
  return { totpURI, backupCodes };
}

describe('two-factor sign-in', () => {
  it('asks for a code after the password, and signs in only with a right one', async () => {
    const person = await createUser(t.database.db, 'Tess Totp');
    const { totpURI } = await enableTwoFactor(person.email);
    const first = await signInWith(t.server, person.email, PASSWORD);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ twoFactorRedirect: true });
    const pending = clientFrom(t.server, first);
    expect((await pending.get('/api/me')).status).toBe(401);

    const wrong = await pending.post('/api/auth/two-factor/verify-totp', { code: '000000' });
    expect(wrong.status).toBe(401);
    const right = await pending.post('/api/auth/two-factor/verify-totp', { code: totpFor(totpURI) });
    expect(right.status).toBe(200);
    const signedIn = clientFrom(t.server, right);
    const body = (await (await signedIn.get('/api/me')).json()) as { user: { twoFactorEnabled: boolean } };
    expect(body.user.twoFactorEnabled).toBe(true);
  });

  it('takes a recovery code once', async () => {
    const person = await createUser(t.database.db, 'Rob Recovery');
    const { backupCodes } = await enableTwoFactor(person.email);
    const code = backupCodes[0]!;
    const first = clientFrom(t.server, await signInWith(t.server, person.email, PASSWORD));
    expect((await first.post('/api/auth/two-factor/verify-backup-code', { code })).status).toBe(200);
    const second = clientFrom(t.server, await signInWith(t.server, person.email, PASSWORD));
    const reused = await second.post('/api/auth/two-factor/verify-backup-code', { code });
    expect(reused.status).toBe(401);
    expect(cookieOf(reused)).not.toContain('session_token');
  });

  it('keeps the secret encrypted at rest, and turning it off needs the password', async () => {
    const person = await createUser(t.database.db, 'Eve Encrypted');
    const { totpURI } = await enableTwoFactor(person.email);
    const secret = new URL(totpURI).searchParams.get('secret')!;
    const row = await t.database.db
      .selectFrom('two_factors')
      .selectAll()
      .where('user_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(row.secret).not.toContain(secret);
    const client = clientFrom(
      t.server,
      await post(t.server, '/api/auth/sign-in/email', { email: person.email, password: PASSWORD }),
    );
    const signedIn = clientFrom(
      t.server,
      await client.post('/api/auth/two-factor/verify-totp', { code: totpFor(totpURI) }),
    );
    expect(await refusal(await signedIn.post('/api/auth/two-factor/disable', { password: 'not my password' }))).toEqual(
      {
        status: 400,
        code: 'VALIDATION_FAILED',
      },
    );
    expect((await signedIn.post('/api/auth/two-factor/disable', { password: PASSWORD })).status).toBe(200);
    const user = await t.database.db
      .selectFrom('users')
      .select('two_factor_enabled')
      .where('id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(user.two_factor_enabled).toBe(false);
  });
});
