import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { presenceEvents } from '@roster/contracts';
import { createOrg, PASSWORD, type TestOrg } from './factories.ts';
import { freePort, hasCommand, startRedis, startServerProcess, type Child } from './processes.ts';
import { withPresence } from './presence-helpers.ts';
import { createTestDatabase } from './test-database.ts';
import type { DatabaseHandle } from '../src/db/connect.ts';

// Two real server processes on one PostgreSQL and one (private) Redis, as behind a load balancer.
const runnable = Boolean(process.env.DATABASE_URL) && hasCommand('redis-server');

describe.skipIf(!runnable)('presence across two servers', () => {
  let database: DatabaseHandle;
  let redis: Child;
  let servers: Array<Child & { url: string }>;
  let org: TestOrg;

  beforeAll(async () => {
    database = await createTestDatabase();
    org = await createOrg(database.db, { ada: 'ADMIN', grace: 'ADMIN' });
    const redisPort = await freePort();
    redis = await startRedis(redisPort);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = (
      await database.db.selectNoFrom((eb) => eb.fn<string>('current_database').as('name')).executeTakeFirstOrThrow()
    ).name;
    const env = {
      DATABASE_URL: `${url.protocol}//${url.username}@${url.host}${url.pathname}`,
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      SESSION_SECRET: 'presence-secret-shared-by-both-servers-0123456789',
    };
    servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  }, 90_000);

  afterAll(async () => {
    await Promise.all((servers ?? []).map((s) => s.stop()));
    await redis?.stop();
    await database?.close();
  });

  async function presenceSocket(serverUrl: string, email: string) {
    const response = await fetch(`${serverUrl}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: serverUrl },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    expect(response.status).toBe(200);
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const socket = connect(serverUrl, { transports: ['websocket'], extraHeaders: { cookie, origin: serverUrl } });
    // Answered once the server has placed the socket in its rooms.
    await socket.timeout(10_000).emitWithAck('roster:sync', { orgId: org.id, since: 0 });
    return withPresence(socket);
  }

  it('shares who is on a page, and a killed server’s people leave within 10 s', async () => {
    const [a, b] = servers as [Child & { url: string }, Child & { url: string }];
    const ada = await presenceSocket(a.url, org.people.ada!.email);
    const grace = await presenceSocket(b.url, org.people.grace!.email);
    try {
      ada.socket.emit(presenceEvents.update, { orgId: org.id, view: 'members' });
      const editing = { kind: 'member', id: org.people.ada!.id };
      grace.socket.emit(presenceEvents.update, { orgId: org.id, view: 'members', editing });
      const both = await ada.waitFor(org.id, 'members', (s) => s.people.length === 2, 10_000);
      expect(both.people.find((p) => p.userId === org.people.grace!.id)?.editing).toEqual(editing);
      await grace.waitFor(org.id, 'members', (s) => s.people.length === 2, 10_000);

      const killedAt = Date.now();
      await b.stop();
      await ada.waitFor(org.id, 'members', (s) => s.people.length === 1, 10_000);
      expect(Date.now() - killedAt).toBeLessThan(10_000);
    } finally {
      ada.socket.disconnect();
      grace.socket.disconnect();
    }
  }, 90_000);
});
