import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type { OrgEvent, RosterEvent } from '@roster/contracts';
import { createOrg, PASSWORD, type TestOrg } from './factories.ts';
import { freePort, hasCommand, startRedis, startServerProcess, waitFor, type Child } from './processes.ts';
import { createTestDatabase } from './test-database.ts';
import type { DatabaseHandle } from '../src/db/connect.ts';

// Two real server processes on one PostgreSQL and one (private) Redis, as behind a load balancer.
const runnable = Boolean(process.env.DATABASE_URL) && hasCommand('redis-server');

describe.skipIf(!runnable)('scale-out: two servers, one PostgreSQL, one Redis', () => {
  let database: DatabaseHandle;
  let redis: Child;
  let redisPort: number;
  let servers: Array<Child & { url: string }>;
  let org: TestOrg;

  beforeAll(async () => {
    database = await createTestDatabase();
    org = await createOrg(database.db, {
      ada: 'ADMIN',
      grace: 'ADMIN',
      linus: 'MEMBER',
      alan: 'MEMBER',
      barbara: 'MEMBER',
    });
    redisPort = await freePort();
    redis = await startRedis(redisPort);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = (
      await database.db.selectNoFrom((eb) => eb.fn<string>('current_database').as('name')).executeTakeFirstOrThrow()
    ).name;
    const env = {
      DATABASE_URL: `${url.protocol}//${url.username}@${url.host}${url.pathname}`,
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      SESSION_SECRET: 'scale-out-secret-shared-by-both-servers-0123456789',
    };
    servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  }, 90_000);

  afterAll(async () => {
    await Promise.all((servers ?? []).map((s) => s.stop()));
    await redis?.stop();
    await database?.close();
  });

  async function signIn(serverUrl: string, email: string) {
    const response = await fetch(`${serverUrl}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: serverUrl },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    expect(response.status).toBe(200);
    return response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
  }

  function changeRole(serverUrl: string, cookie: string, userId: string, role: string, version: number) {
    return fetch(`${serverUrl}/api/orgs/${org.id}/members/${userId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', origin: serverUrl, cookie },
      body: JSON.stringify({ role, version }),
    });
  }

  it('an admin on one server sees a change made on the other, and both survive a Redis outage', async () => {
    const [a, b] = servers as [Child & { url: string }, Child & { url: string }];
    const adaCookie = await signIn(a.url, org.people.ada!.email);
    const graceCookie = await signIn(b.url, org.people.grace!.email);
    const grace: Socket = connect(b.url, {
      transports: ['websocket'],
      extraHeaders: { cookie: graceCookie, origin: b.url },
    });
    const seen: OrgEvent[] = [];
    grace.on('roster:event', (event: RosterEvent) => event.seq !== null && seen.push(event));
    try {
      await grace.timeout(10_000).emitWithAck('roster:sync', { orgId: org.id, since: 0 });

      expect((await changeRole(a.url, adaCookie, org.people.linus!.id, 'EXTERNAL', 1)).status).toBe(200);
      await waitFor(
        () => seen.some((e) => e.seq === 1),
        10_000,
        () => 'no live event across servers',
      );

      await redis.stop();
      // Postgres is the truth: changes still commit while the broker is away.
      expect((await changeRole(a.url, adaCookie, org.people.alan!.id, 'EXTERNAL', 1)).status).toBe(200);
      for (const server of servers) expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      const missed = await grace.timeout(10_000).emitWithAck('roster:sync', { orgId: org.id, since: 1 });
      expect(missed).toMatchObject({
        headSeq: 2,
        events: [{ seq: 2, data: { member: { userId: org.people.alan!.id, role: 'EXTERNAL' } } }],
      });

      redis = await startRedis(redisPort);
      // Once the broker is back, live delivery resumes without a restart.
      expect((await changeRole(a.url, adaCookie, org.people.barbara!.id, 'EXTERNAL', 1)).status).toBe(200);
      await waitFor(
        () => seen.some((e) => e.seq === 3),
        20_000,
        () => `seen ${JSON.stringify(seen.map((e) => e.seq))}`,
      );
      for (const server of servers) expect(server.process.exitCode).toBeNull();
    } finally {
      grace.disconnect();
    }
  }, 90_000);
});
