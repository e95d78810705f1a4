import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFrom, cookieOf, post, signInWith, STRONG_PASSWORD, totpFor } from '../../test/account-helpers.ts';
import { createUser, PASSWORD } from '../../test/factories.ts';
import { startTestServer, type TestServer } from '../../test/test-server.ts';
import { PER_ACCOUNT, PER_CHALLENGE, PER_IP } from './auth-limits.ts';

// Real HTTP over loopback, so the client address is the socket's, as in production.
let direct: TestServer;
let behindProxy: TestServer;
beforeAll(async () => {
  direct = await startTestServer({ rateLimit: true });
  // A second process on the same database, behind one trusted proxy hop.
  behindProxy = await startTestServer({ rateLimit: true, trustProxy: '1', database: direct.database });
});
afterAll(async () => {
  await behindProxy.close();
  await direct.close();
});

function call(t: TestServer, path: string, body: unknown, headers: Record<string, string> = {}) {
  const port = new URL(t.server.url).port;
  return fetch(`http://127.0.0.1:${port}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: t.server.url, ...headers },
    body: JSON.stringify(body),
  });
}
const signIn = (t: TestServer, email: string, password: string, headers: Record<string, string> = {}) =>
  call(t, '/api/auth/sign-in/email', { email, password }, headers);

async function lockMails(email: string) {
  await direct.server.mail.worker.drain();
  const rows = await direct.database.db.selectFrom('dev_mailbox').select('subject').where('to', '=', email).execute();
  return rows.filter((r) => r.subject.includes('paused'));
}

describe('sign-in limits (R19)', () => {
  it('locks one account after 10 failures, even for the right password, without locking anyone else', async () => {
    const victim = await createUser(direct.database.db, 'Victor Victim');
    const bystander = await createUser(direct.database.db, 'Bea Bystander');
    for (let i = 0; i < PER_ACCOUNT + 10; i++) {
      const rotated = { 'x-forwarded-for': `198.51.100.${i}` };
      const response = await signIn(direct, victim.email, 'wrong password here', rotated);
      expect(response.status).toBe(i < PER_ACCOUNT ? 401 : 429);
    }
    const locked = await signIn(direct, victim.email, PASSWORD);
    expect(locked.status).toBe(429);
    expect(((await locked.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(60);
    // The same client, another account: unaffected.
    expect((await signIn(direct, bystander.email, PASSWORD)).status).toBe(200);
    expect(await lockMails(victim.email)).toHaveLength(1);
  });

  it('counts an account’s failures across processes sharing the store', async () => {
    const person = await createUser(direct.database.db, 'Paula Processes');
    for (let i = 0; i < PER_ACCOUNT; i++) {
      const node = i % 2 === 0 ? direct : behindProxy;
      expect((await signIn(node, person.email, 'wrong password here')).status).toBe(401);
    }
    expect((await signIn(direct, person.email, PASSWORD)).status).toBe(429);
    expect((await signIn(behindProxy, person.email, PASSWORD)).status).toBe(429);
  });

  it('limits one client address to 100 attempts, however it rotates X-Forwarded-For', async () => {
    for (let i = 0; i < PER_IP; i++) {
      const response = await call(
        direct,
        '/api/auth/request-password-reset',
        {
          email: `someone${i}@example.test`,
        },
        { 'x-forwarded-for': `203.0.113.${i % 250}` },
      );
      expect(response.status).toBe(200);
    }
    const refused = await call(direct, '/api/auth/request-password-reset', { email: 'one.more@example.test' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).not.toBeNull();
  });

  it('behind a trusted proxy, counts each forwarded client on its own', async () => {
    for (let i = 0; i < PER_IP; i++) {
      const response = await call(
        behindProxy,
        '/api/auth/request-password-reset',
        {
          email: `forwarded${i}@example.test`,
        },
        { 'x-forwarded-for': '203.0.113.7' },
      );
      expect(response.status).toBe(200);
    }
    const first = await call(
      behindProxy,
      '/api/auth/request-password-reset',
      { email: 'a@example.test' },
      {
        'x-forwarded-for': '203.0.113.7',
      },
    );
    const second = await call(
      behindProxy,
      '/api/auth/request-password-reset',
      { email: 'b@example.test' },
      {
        'x-forwarded-for': '203.0.113.8',
      },
    );
    expect([first.status, second.status]).toEqual([429, 200]);
  });

  it('limits sign-ups per address asked for', async () => {
    const email = 'signup.flood@example.test';
    const statuses: number[] = [];
    for (let i = 0; i <= PER_ACCOUNT; i++) {
      const response = await call(
        behindProxy,
        '/api/auth/sign-up/email',
        {
          name: 'Flood',
          email,
          password: STRONG_PASSWORD,
        },
        { 'x-forwarded-for': `192.0.2.${i}` },
      );
      statuses.push(response.status);
    }
    expect(statuses.slice(0, PER_ACCOUNT).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('password and code guessing from elsewhere', () => {
  /** A code an authenticator would not show now, nor a window either side. */
  const wrongCode = (uri: string) => String((Number(totpFor(uri)) + 500_000) % 1_000_000).padStart(6, '0');

  async function withTwoFactor(name: string) {
    const person = await createUser(direct.database.db, name);
    const client = await direct.signIn(person.email);
    const { totpURI } = (await (await client.post('/api/auth/two-factor/enable', { password: PASSWORD })).json()) as {
      totpURI: string;
    };
    expect((await client.post('/api/auth/two-factor/verify-totp', { code: totpFor(totpURI) })).status).toBe(200);
    return { person, totpURI };
  }

  it('allows a few codes per two-factor sign-in, and a few such sign-ins per account', async () => {
    const { person, totpURI } = await withTwoFactor('Gus Guesser');
    const challenge = cookieOf(await signInWith(direct.server, person.email, PASSWORD));
    const verify = (code: string) =>
      post(direct.server, '/api/auth/two-factor/verify-totp', { code }, { cookie: challenge });
    for (let i = 0; i < PER_CHALLENGE; i++) expect((await verify(wrongCode(totpURI))).status).toBe(401);
    expect((await verify(totpFor(totpURI))).status).toBe(429);

    // Each challenge counts as an unfinished sign-in: the account locks like one guessed at.
    for (let i = 1; i < PER_ACCOUNT; i++) {
      expect((await signInWith(direct.server, person.email, PASSWORD)).status).toBe(200);
    }
    expect((await signInWith(direct.server, person.email, PASSWORD)).status).toBe(429);
  });

  it('gives back the point of a sign-in finished with the right code', async () => {
    const { person, totpURI } = await withTwoFactor('Fay Finisher');
    for (let i = 0; i < PER_ACCOUNT + 2; i++) {
      const pending = clientFrom(direct.server, await signInWith(direct.server, person.email, PASSWORD));
      const finished = await pending.post('/api/auth/two-factor/verify-totp', { code: totpFor(totpURI) });
      expect(finished.status).toBe(200);
    }
  });

  it('counts wrong passwords typed while signed in against the account', async () => {
    const person = await createUser(direct.database.db, 'Sid Stolen-Session');
    const client = await direct.signIn(person.email);
    for (let i = 0; i < PER_ACCOUNT / 2; i++) {
      expect((await client.post('/api/me/delete', { password: 'not my password at all' })).status).toBe(403);
      const change = await client.post('/api/auth/change-password', {
        currentPassword: 'not my password at all',
        newPassword: STRONG_PASSWORD,
      });
      expect(change.status).toBe(400);
    }
    const locked = await client.post('/api/me/delete', { password: PASSWORD });
    expect(locked.status).toBe(429);
    expect((await signInWith(direct.server, person.email, PASSWORD)).status).toBe(429);
    expect(await lockMails(person.email)).toHaveLength(1);
  });
});

describe('dev mailbox', () => {
  it('answers clients on this machine only', async () => {
    const port = new URL(behindProxy.server.url).port;
    const local = await fetch(`http://127.0.0.1:${port}/api/dev/mailbox`);
    expect(local.status).toBe(200);
    const remote = await fetch(`http://127.0.0.1:${port}/api/dev/mailbox`, {
      headers: { 'x-forwarded-for': '203.0.113.50' },
    });
    expect(remote.status).toBe(404);
  });
});
