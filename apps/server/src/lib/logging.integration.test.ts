import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ErrorBodySchema } from '@roster/contracts';
import { cookieOf, linkIn, mailsTo, post, signInWith, STRONG_PASSWORD } from '../../test/account-helpers.ts';
import { createOrg, PASSWORD } from '../../test/factories.ts';
import { tokenIn } from '../../test/invitation-helpers.ts';
import { startTestServer, type TestServer } from '../../test/test-server.ts';
import { createLogger } from './logger.ts';

/** Everything the server logs, at its most talkative level. */
const lines: string[] = [];
const capture = new Writable({
  write(chunk, _encoding, done) {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    done();
  },
});

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ logger: createLogger('debug', capture) });
});
afterAll(() => t.close());

const cookieValues = (cookie: string) => cookie.split('; ').map((pair) => pair.slice(pair.indexOf('=') + 1));

it('logs no password, token or cookie while people sign in, accept an invitation by its link and reset a password', async () => {
  const secrets: string[] = [PASSWORD, STRONG_PASSWORD];
  const org = await createOrg(t.database.db, { ada: 'ADMIN' });

  // Signing in with a password.
  const signedIn = await signInWith(t.server, org.people.ada!.email, PASSWORD);
  expect(signedIn.status).toBe(200);
  const adaCookie = cookieOf(signedIn);
  secrets.push(...cookieValues(adaCookie));

  // An invitation, followed by its link: the public page, a new account, accepting.
  const newcomer = `newcomer.${Date.now()}@example.test`;
  const invited = await post(
    t.server,
    `/api/orgs/${org.id}/invitations`,
    { emails: [newcomer], role: 'MEMBER' },
    {
      cookie: adaCookie,
    },
  );
  expect(invited.status).toBe(200);
  const token = tokenIn((await mailsTo(t, newcomer)).at(-1)!.text);
  secrets.push(token);
  expect((await t.server.app.request(`/api/invitations/${token}`)).status).toBe(200);
  const joined = await post(t.server, `/api/invitations/${token}/sign-up`, {
    name: 'New Comer',
    password: STRONG_PASSWORD,
  });
  expect(joined.status).toBeLessThan(300);
  const newcomerCookie = cookieOf(joined);
  secrets.push(...cookieValues(newcomerCookie));
  const accepted = await post(t.server, `/api/invitations/${token}/accept`, {}, { cookie: newcomerCookie });
  expect(accepted.status).toBeLessThan(300);

  // Forgot password: the mailed link, then the reset.
  const newPassword = 'quartz lantern meadow 77';
  secrets.push(newPassword);
  await post(t.server, '/api/auth/request-password-reset', { email: newcomer, redirectTo: '/reset-password' });
  const landed = await t.server.app.request(linkIn((await mailsTo(t, newcomer)).at(-1), t.server.url));
  const resetToken = new URL(landed.headers.get('location')!, t.server.url).searchParams.get('token')!;
  secrets.push(resetToken);
  const reset = await post(t.server, '/api/auth/reset-password', { token: resetToken, newPassword });
  expect(reset.status).toBe(200);

  const log = lines.join('\n');
  expect(lines.length).toBeGreaterThan(5);
  for (const secret of secrets)
    expect(
      lines.filter((l) => l.includes(secret)),
      `a secret reached the log`,
    ).toEqual([]);
  expect(log).toContain('/api/invitations/[redacted]/accept');
});

it('puts the request id on every line written while serving a request, and in its error body', async () => {
  lines.length = 0;
  const response = await t.server.app.request('/api/orgs/not-an-org/members', { headers: { origin: t.server.url } });
  const requestId = response.headers.get('x-request-id');
  expect(requestId).toBeTruthy();
  const body = ErrorBodySchema.parse(await response.json());
  expect(body.error.requestId).toBe(requestId);
  const entries = lines.map((line) => JSON.parse(line) as { msg: string; requestId?: string; level: string });
  const served = entries.filter((e) => e.msg === 'request');
  expect(served).toHaveLength(1);
  expect(served[0]).toMatchObject({ requestId, level: 'info' });
  expect(entries.every((e) => e.requestId === requestId)).toBe(true);
});
