import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { presenceEvents } from '@roster/contracts';
import { createOrg, type TestOrg } from './factories.ts';
import { withPresence } from './presence-helpers.ts';
import { startTwoServers, twoServersRunnable, type TwoServers } from './two-servers.ts';

describe.skipIf(!twoServersRunnable)('presence across two servers', () => {
  let two: TwoServers;
  let org: TestOrg;

  beforeAll(async () => {
    two = await startTwoServers();
    org = await createOrg(two.database.db, { ada: 'ADMIN', grace: 'ADMIN' });
  }, 90_000);

  afterAll(() => two?.close());

  async function presenceSocket(serverUrl: string, email: string) {
    const cookie = await two.signIn(serverUrl, email);
    const socket = connect(serverUrl, { transports: ['websocket'], extraHeaders: { cookie, origin: serverUrl } });
    // Answered once the server has placed the socket in its rooms.
    await socket.timeout(10_000).emitWithAck('roster:sync', { orgId: org.id, since: 0 });
    return withPresence(socket);
  }

  it('shares who is on a page, and a killed server’s people leave within 10 s', async () => {
    const [a, b] = two.servers;
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
