import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type { OrgEvent, RosterEvent } from '@roster/contracts';
import { createOrg, type TestOrg } from './factories.ts';
import { waitFor } from './processes.ts';
import { startTwoServers, twoServersRunnable, type TwoServers } from './two-servers.ts';

describe.skipIf(!twoServersRunnable)('scale-out: two servers, one PostgreSQL, one Redis', () => {
  let two: TwoServers;
  let org: TestOrg;

  beforeAll(async () => {
    two = await startTwoServers();
    org = await createOrg(two.database.db, {
      ada: 'ADMIN',
      grace: 'ADMIN',
      linus: 'MEMBER',
      alan: 'MEMBER',
      barbara: 'MEMBER',
    });
  }, 90_000);

  afterAll(() => two?.close());

  function changeRole(serverUrl: string, cookie: string, userId: string, role: string, version: number) {
    return fetch(`${serverUrl}/api/orgs/${org.id}/members/${userId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', origin: serverUrl, cookie },
      body: JSON.stringify({ role, version }),
    });
  }

  it('an admin on one server sees a change made on the other, and both survive a Redis outage', async () => {
    const { servers, signIn } = two;
    const [a, b] = servers;
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

      await two.redis.stop();
      // Postgres is the truth: changes still commit while the broker is away.
      expect((await changeRole(a.url, adaCookie, org.people.alan!.id, 'EXTERNAL', 1)).status).toBe(200);
      for (const server of servers) expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      const missed = await grace.timeout(10_000).emitWithAck('roster:sync', { orgId: org.id, since: 1 });
      expect(missed).toMatchObject({
        headSeq: 2,
        events: [{ seq: 2, data: { member: { userId: org.people.alan!.id, role: 'EXTERNAL' } } }],
      });

      await two.redis.start();
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
