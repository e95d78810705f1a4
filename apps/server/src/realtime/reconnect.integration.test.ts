import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { createOrg, type TestOrg } from '../../test/factories.ts';
import { connected, ready, startTestServer, type ApiClient, type TestServer } from '../../test/test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ heartbeatMs: 100 });
});
afterAll(() => t.close());

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

type OrgNews = { type?: string; seq?: number | null; headSeq?: number };

/**
 * The network drops (the server sees a transport close, which a recovered session resumes from).
 * From then on, records every org event and heartbeat that reaches the client over the wire,
 * including packets the client library would hold back until a connect that never comes: what
 * a hostile client could read.
 */
async function dropConnection(socket: Socket): Promise<OrgNews[]> {
  const gone = new Promise((resolve) => socket.once('disconnect', resolve));
  socket.io.engine.close();
  await gone;
  const seen: OrgNews[] = [];
  socket.io.on('packet', (packet: { data?: unknown }) => {
    if (!Array.isArray(packet.data)) return;
    const [name, payload] = packet.data as unknown[];
    if (name === 'roster:event' || name === 'roster:heartbeat') seen.push(payload as OrgNews);
  });
  await settle();
  return seen;
}

const orgNews = (seen: OrgNews[]) => seen.filter((news) => news.seq != null || news.headSeq !== undefined);

/** While the admin is offline: the org keeps changing (admin-room events only). */
async function changeTheOrg(ada: ApiClient, org: TestOrg) {
  const linus = `/api/orgs/${org.id}/members/${org.people.linus!.id}`;
  expect((await ada.patch(linus, { role: 'EXTERNAL', version: 1 })).status).toBe(200);
  const invited = await ada.post(`/api/orgs/${org.id}/invitations`, {
    emails: [`while-away-${Date.now()}@example.test`],
    role: 'MEMBER',
  });
  expect(invited.status).toBe(200);
}

async function adminOnline(org: TestOrg, who: string) {
  const client = await t.signIn(org.people[who]!.email);
  const socket = client.socket();
  await ready(socket, org.id);
  // A live admin tab has heard the org's broadcasts (heartbeats at least) before the network drops.
  await new Promise((resolve) => socket.once('roster:heartbeat', resolve));
  return { client, socket };
}

describe('a socket reconnecting after a network drop', () => {
  it('gets no admin event of the time it was away once its admin role is gone', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN', linus: 'MEMBER' });
    const ada = await t.signIn(org.people.ada!.email);
    const grace = await adminOnline(org, 'grace');
    const wire = await dropConnection(grace.socket);
    const demote = await ada.patch(`/api/orgs/${org.id}/members/${org.people.grace!.id}`, {
      role: 'MEMBER',
      version: 1,
    });
    expect(demote.status).toBe(200);
    await changeTheOrg(ada, org);

    grace.socket.connect();
    await connected(grace.socket);
    await settle();
    expect(orgNews(wire)).toEqual([]);
    // Live again, as a member: the org's catch-up is refused, later admin events never arrive.
    expect(await grace.socket.emitWithAck('roster:sync', { orgId: org.id, since: 0 })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
  });

  it('gets nothing of an org it was removed from', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', alan: 'ADMIN', linus: 'MEMBER' });
    const ada = await t.signIn(org.people.ada!.email);
    const alan = await adminOnline(org, 'alan');
    const wire = await dropConnection(alan.socket);
    expect((await ada.delete(`/api/orgs/${org.id}/members/${org.people.alan!.id}`)).status).toBe(204);
    await changeTheOrg(ada, org);

    alan.socket.connect();
    await connected(alan.socket);
    await settle();
    expect(orgNews(wire)).toEqual([]);
  });

  it('is refused, and told nothing, once its session was revoked', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN', linus: 'MEMBER' });
    const ada = await t.signIn(org.people.ada!.email);
    const grace = await adminOnline(org, 'grace');
    const wire = await dropConnection(grace.socket);
    expect((await grace.client.post('/api/auth/sign-out', {})).status).toBe(200);
    await changeTheOrg(ada, org);

    grace.socket.connect();
    await expect(connected(grace.socket)).rejects.toThrow('UNAUTHENTICATED');
    await settle();
    expect(wire).toEqual([]);
  });

  it('still gets what it missed through roster:sync while it is an admin', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN', linus: 'MEMBER' });
    const ada = await t.signIn(org.people.ada!.email);
    const grace = await adminOnline(org, 'grace');
    await dropConnection(grace.socket);
    await changeTheOrg(ada, org);

    grace.socket.connect();
    await connected(grace.socket);
    const caughtUp = (await grace.socket.emitWithAck('roster:sync', { orgId: org.id, since: 0 })) as {
      events: OrgNews[];
    };
    expect(caughtUp.events.map((e) => e.type).slice(0, 2)).toEqual(['member.role_changed', 'invitation.created']);
  });
});
