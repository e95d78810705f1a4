import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeSchema } from '@roster/contracts';
import { createOrg } from '../../test/factories.ts';
import { createTestDatabase } from '../../test/test-database.ts';
import { recordStatements } from '../../test/recorded-statements.ts';
import { apiClient, connected, startTestServer, type ApiClient, type TestServer } from '../../test/test-server.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { cookieValue } from './session-reader.ts';

/** Every statement the server runs, as SQL. */
const { plugin: recording, statements } = recordStatements();

const SESSION_COOKIE = 'roster.session_token';
const DAY_MS = 24 * 60 * 60 * 1000;

let database: DatabaseHandle;
let t: TestServer;
beforeAll(async () => {
  database = await createTestDatabase();
  t = await startTestServer({ database: { ...database, db: database.db.withPlugin(recording) } });
});
afterAll(async () => {
  await t?.close();
  await database?.close();
});

const tokenOf = (client: ApiClient) => cookieValue(client.cookie, SESSION_COOKIE)!.split('.')[0]!;
const withSessionCookie = (value: string) => apiClient(t.server, `${SESSION_COOKIE}=${encodeURIComponent(value)}`);
const sign = (token: string, secret: string) =>
  `${token}.${createHmac('sha256', secret).update(token).digest('base64')}`;
const sessionRow = (token: string) =>
  database.db.selectFrom('sessions').select(['id', 'expires_at']).where('token', '=', token).executeTakeFirst();

async function signedInAda() {
  const org = await createOrg(database.db, { ada: 'ADMIN' });
  const ada = org.people.ada!;
  return { ada, client: await t.signIn(ada.email) };
}

describe('reading the session of a request', () => {
  it('resolves the cookie to its person with one statement, signed with the secret the library signs with', async () => {
    const { ada, client } = await signedInAda();
    statements.length = 0;
    const response = await client.get('/api/me');
    expect(response.status).toBe(200);
    expect(MeSchema.parse(await response.json()).user).toMatchObject({ id: ada.id, email: ada.email });
    const sessionReads = statements.filter((sql) => /from "sessions"/.test(sql));
    expect(sessionReads).toHaveLength(1);
    // The reader's own statement, not the library's (which reads the same rows its own way).
    expect(sessionReads[0]).toContain('"s"."token" = $1');
    // The cookie the library set is exactly what the reader verifies: token, '.', HMAC-SHA256 in base64.
    const token = tokenOf(client);
    expect(cookieValue(client.cookie, SESSION_COOKIE)).toBe(
      sign(token, 'test-secret-that-is-long-enough-for-the-library'),
    );
  });

  it('refuses a token whose signature is not the server’s, or that has none', async () => {
    const { client } = await signedInAda();
    const token = tokenOf(client);
    const forged = sign(token, 'another-secret-that-is-long-enough-for-the-library');
    // A character inside the signature: the last one before '=' carries two bits that decoding drops.
    const signed = cookieValue(client.cookie, SESSION_COOKIE)!;
    const at = token.length + 11;
    const flipped = `${signed.slice(0, at)}${signed[at] === 'A' ? 'B' : 'A'}${signed.slice(at + 1)}`;
    for (const value of [forged, flipped, token, `${token}.`, `${token}.not-base64-at-all-but-44-characters-long!!=`])
      expect((await withSessionCookie(value).get('/api/me')).status, value).toBe(401);
    expect((await client.get('/api/me')).status).toBe(200);
  });

  it('sees a signed-out session, and a changed person, on the very next request: nothing is cached', async () => {
    const { ada, client } = await signedInAda();
    expect((await client.get('/api/me')).status).toBe(200);
    await database.db.updateTable('users').set({ name: 'Ada King' }).where('id', '=', ada.id).execute();
    expect(MeSchema.parse(await (await client.get('/api/me')).json()).user.name).toBe('Ada King');
    await database.db.deleteFrom('sessions').where('token', '=', tokenOf(client)).execute();
    expect((await client.get('/api/me')).status).toBe(401);
  });

  it('leaves an expired session to the library, which refuses and deletes it', async () => {
    const { client } = await signedInAda();
    const token = tokenOf(client);
    await database.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('token', '=', token)
      .execute();
    const response = await client.get('/api/me');
    expect(response.status).toBe(401);
    expect(await sessionRow(token)).toBeUndefined();
    // The browser is told to drop the cookie too.
    expect(response.headers.getSetCookie().join('\n')).toMatch(/^roster\.session_token=; Max-Age=0/m);
  });

  it('leaves a session due for renewal to the library, which renews it (a week from now)', async () => {
    const { ada, client } = await signedInAda();
    const token = tokenOf(client);
    // Renewed a day after its last renewal: a week-long session with two days left is due.
    await database.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() + 2 * DAY_MS) })
      .where('token', '=', token)
      .execute();
    const response = await client.get('/api/me');
    expect(response.status).toBe(200);
    expect(MeSchema.parse(await response.json()).user.id).toBe(ada.id);
    // The browser's cookie is renewed with the session, or it would end a week after signing in.
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    expect(cookie).toContain(`Max-Age=${7 * 24 * 60 * 60}`);
    expect(cookieValue(cookie!.split(';')[0]!, SESSION_COOKIE)).toBe(cookieValue(client.cookie, SESSION_COOKIE));
    const renewed = new Date((await sessionRow(token))!.expires_at).getTime();
    expect(renewed).toBeGreaterThan(Date.now() + 6 * DAY_MS);
  });

  it('does not renew a session that is not yet due', async () => {
    const { client } = await signedInAda();
    const token = tokenOf(client);
    const inSixAndAHalfDays = new Date(Date.now() + 6.5 * DAY_MS);
    await database.db
      .updateTable('sessions')
      .set({ expires_at: inSixAndAHalfDays })
      .where('token', '=', token)
      .execute();
    const response = await client.get('/api/me');
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(new Date((await sessionRow(token))!.expires_at).getTime()).toBe(inSixAndAHalfDays.getTime());
  });

  it('lets a socket in with a signed cookie and refuses one with a forged signature', async () => {
    const { client } = await signedInAda();
    const socket = client.socket();
    await connected(socket);
    socket.close();
    const forged = withSessionCookie(sign(tokenOf(client), 'another-secret-that-is-long-enough-for-the-library'));
    const refused = forged.socket();
    const outcome = await new Promise<string>((resolve) => {
      refused.once('connect', () => resolve('connected'));
      refused.once('connect_error', (error) => resolve(error.message));
    });
    refused.close();
    expect(outcome).toBe('UNAUTHENTICATED');
  });
});

describe('cookieValue', () => {
  it('reads one cookie, decoded, the first of its name, quotes removed', () => {
    expect(cookieValue('a=1; roster.session_token=x%2By.sig%3D; b=2', SESSION_COOKIE)).toBe('x+y.sig=');
    expect(cookieValue('roster.session_token="q"; roster.session_token=second', SESSION_COOKIE)).toBe('q');
    expect(cookieValue('roster.session_token_other=1', SESSION_COOKIE)).toBeNull();
    expect(cookieValue('roster.session_token=%E0%A4%A', SESSION_COOKIE)).toBe('%E0%A4%A');
  });
});
