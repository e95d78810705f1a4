import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { ErrorBodySchema, RevokeOtherSessionsResponseSchema, SessionsResponseSchema } from '@roster/contracts';
import { createOrg } from '../../../test/factories.ts';
import { connected, ready, startTestServer, type ApiClient, type TestServer } from '../../../test/test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const chrome =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

const sessions = async (client: ApiClient) =>
  SessionsResponseSchema.parse(await (await client.get('/api/me/sessions')).json());
const currentId = async (client: ApiClient) => (await sessions(client)).items.find((s) => s.current)!.id;
const disconnection = (socket: Socket) => new Promise<string>((resolve) => socket.once('disconnect', resolve));
const sessionRows = (userId: string) =>
  t.database.db.selectFrom('sessions').select('id').where('user_id', '=', userId).orderBy('id').execute();

describe('GET /api/me/sessions', () => {
  it('lists the devices still signed in, the most recently active first, marking the one asking', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN' });
    const laptop = await t.signIn(org.people.ada!.email);
    const phone = await t.signIn(org.people.ada!.email);
    await t.signIn(org.people.grace!.email);
    const [laptopId, phoneId] = [await currentId(laptop), await currentId(phone)];
    const db = t.database.db;
    const hourAgo = new Date(Date.now() - 3_600_000);
    await db
      .updateTable('sessions')
      .set({ user_agent: firefox, ip_address: '203.0.113.24' })
      .where('id', '=', laptopId)
      .execute();
    await db
      .updateTable('sessions')
      .set({ user_agent: chrome, updated_at: hourAgo })
      .where('id', '=', phoneId)
      .execute();
    // An expired session is no device anyone is signed in on.
    await db
      .insertInto('sessions')
      .values({
        id: 'expired-session',
        token: 'expired-token',
        user_id: org.people.ada!.id,
        // The server reads time from the test's clock, which stands still unless moved.
        expires_at: new Date(t.clock.now().getTime() - 1000),
        created_at: hourAgo,
        updated_at: new Date(),
        ip_address: null,
        user_agent: null,
      })
      .execute();

    const { items } = await sessions(laptop);
    expect(items).toEqual([
      {
        id: laptopId,
        current: true,
        device: 'Firefox on Linux',
        ip: '203.0.113.24',
        createdAt: expect.any(String),
        lastActiveAt: expect.any(String),
      },
      {
        id: phoneId,
        current: false,
        device: 'Chrome on macOS',
        ip: expect.toSatisfy((v) => v === null || typeof v === 'string'),
        createdAt: expect.any(String),
        lastActiveAt: hourAgo.toISOString(),
      },
    ]);
    expect((await sessions(phone)).items.map((s) => [s.id, s.current])).toEqual([
      [laptopId, false],
      [phoneId, true],
    ]);
    expect((await t.server.app.request('/api/me/sessions')).status).toBe(401);
  });
});

describe('signing devices out', () => {
  it('signs out one other device: its row goes, its sockets close at once and its next request is a 401', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN' });
    const laptop = await t.signIn(org.people.ada!.email);
    const phone = await t.signIn(org.people.ada!.email);
    const grace = await t.signIn(org.people.grace!.email);
    const phoneId = await currentId(phone);
    const graceId = await currentId(grace);
    const [laptopSocket, phoneSocket] = [laptop.socket(), phone.socket()];
    await Promise.all([ready(laptopSocket, org.id), ready(phoneSocket, org.id)]);
    const closed = disconnection(phoneSocket);

    const response = await laptop.delete(`/api/me/sessions/${phoneId}`);
    expect(response.status).toBe(204);
    expect(await closed).toBe('io server disconnect');
    expect((await phone.get('/api/me')).status).toBe(401);
    expect((await sessionRows(org.people.ada!.id)).map((r) => r.id)).not.toContain(phoneId);
    expect(laptopSocket.connected).toBe(true);
    expect((await laptop.get('/api/me')).status).toBe(200);

    // A revoked session cannot come back on a new socket either.
    const again = phone.socket();
    await expect(connected(again)).rejects.toThrow('UNAUTHENTICATED');

    // Someone else's session, or one that does not exist, is simply not found.
    for (const id of [graceId, phoneId, 'no-such-session']) {
      const refused = await laptop.delete(`/api/me/sessions/${id}`);
      expect(refused.status).toBe(404);
      expect(ErrorBodySchema.parse(await refused.json()).error.code).toBe('NOT_FOUND');
    }
    expect((await sessionRows(org.people.grace!.id)).map((r) => r.id)).toEqual([graceId]);
    expect((await grace.get('/api/me')).status).toBe(200);
  });

  it('signs out every other device at once and keeps this one', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN' });
    const [laptop, phone, tablet] = [
      await t.signIn(org.people.ada!.email),
      await t.signIn(org.people.ada!.email),
      await t.signIn(org.people.ada!.email),
    ];
    const grace = await t.signIn(org.people.grace!.email);
    const laptopId = await currentId(laptop);
    const sockets = [laptop.socket(), phone.socket(), tablet.socket(), grace.socket()];
    await Promise.all(sockets.map((s) => ready(s, org.id)));
    const closed = Promise.all([disconnection(sockets[1]!), disconnection(sockets[2]!)]);

    const response = await laptop.post('/api/me/sessions/revoke-others', {});
    expect(response.status).toBe(200);
    expect(RevokeOtherSessionsResponseSchema.parse(await response.json())).toEqual({ revoked: 2 });
    await closed;
    expect((await phone.get('/api/me')).status).toBe(401);
    expect((await tablet.get('/api/me')).status).toBe(401);
    expect((await sessionRows(org.people.ada!.id)).map((r) => r.id)).toEqual([laptopId]);
    expect(sockets[0]!.connected).toBe(true);
    expect(sockets[3]!.connected).toBe(true);
    expect((await laptop.post('/api/me/sessions/revoke-others', {})).status).toBe(200);
    expect(await (await laptop.post('/api/me/sessions/revoke-others', {})).json()).toEqual({ revoked: 0 });
  });

  it('signing out this device clears its cookie and closes its sockets', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN' });
    const laptop = await t.signIn(org.people.ada!.email);
    const phone = await t.signIn(org.people.ada!.email);
    const laptopId = await currentId(laptop);
    const socket = laptop.socket();
    await ready(socket, org.id);
    const closed = disconnection(socket);
    const response = await laptop.delete(`/api/me/sessions/${laptopId}`);
    expect(response.status).toBe(204);
    expect(response.headers.getSetCookie().join('\n')).toMatch(/roster\.session_token=;.*Max-Age=0/i);
    await closed;
    expect((await laptop.get('/api/me')).status).toBe(401);
    expect((await phone.get('/api/me')).status).toBe(200);
  });
});

describe('POST /api/auth/sign-out', () => {
  it('closes the live connections of the session that signed out, and only those', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN' });
    const laptop = await t.signIn(org.people.ada!.email);
    const phone = await t.signIn(org.people.ada!.email);
    const [laptopSocket, phoneSocket] = [laptop.socket(), phone.socket()];
    await Promise.all([ready(laptopSocket, org.id), ready(phoneSocket, org.id)]);
    const closed = disconnection(laptopSocket);
    const response = await laptop.post('/api/auth/sign-out', {});
    expect(response.status).toBe(200);
    expect(await closed).toBe('io server disconnect');
    expect((await laptop.get('/api/me')).status).toBe(401);
    expect(phoneSocket.connected).toBe(true);
    expect((await phone.get('/api/me')).status).toBe(200);
  });
});
