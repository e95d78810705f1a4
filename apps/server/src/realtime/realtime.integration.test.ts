import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SyncAckSchema } from '@roster/contracts';
import { totpFor } from '../../test/account-helpers.ts';
import { createOrg, PASSWORD } from '../../test/factories.ts';
import {
  connected,
  inAdminRoom,
  nextEvent,
  ready,
  recordEvents,
  startTestServer,
  type TestServer,
} from '../../test/test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ heartbeatMs: 100 });
});
afterAll(() => t.close());

const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('live protocol', () => {
  it('refuses sockets without a session or from a foreign page', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN' });
    const ada = await t.signIn(org.people.ada!.email);
    const anonymous = ada.socket();
    anonymous.io.opts.extraHeaders = { origin: t.server.url };
    anonymous.disconnect().connect();
    await expect(connected(anonymous)).rejects.toThrow('UNAUTHENTICATED');
    await expect(connected(ada.socket({ origin: 'https://evil.example' }))).rejects.toThrow();
  });

  it('pushes a role change to every admin and to the person changed, but no admin event to members', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN', linus: 'MEMBER', alan: 'MEMBER' });
    const [ada, grace, linus, alan] = await Promise.all(
      ['ada', 'grace', 'linus', 'alan'].map((k) => t.signIn(org.people[k]!.email)),
    );
    const sockets = [grace!.socket(), linus!.socket(), alan!.socket()];
    await Promise.all(sockets.map((s) => ready(s, org.id).catch(() => connected(s))));
    const [graceSocket, linusSocket, alanSocket] = sockets as [
      (typeof sockets)[0],
      (typeof sockets)[0],
      (typeof sockets)[0],
    ];
    const alanSaw = recordEvents(alanSocket);
    const linusSaw = recordEvents(linusSocket);
    const graceGets = nextEvent(graceSocket, 'member.role_changed');
    const linusGets = nextEvent(linusSocket, 'access.changed');
    expect(
      (await ada!.patch(`/api/orgs/${org.id}/members/${org.people.linus!.id}`, { role: 'EXTERNAL', version: 1 }))
        .status,
    ).toBe(200);
    const event = await graceGets;
    expect(event).toMatchObject({
      orgId: org.id,
      seq: 1,
      actor: { name: 'Ada Tester' },
      data: { member: { role: 'EXTERNAL', version: 2 }, before: { role: 'MEMBER' } },
    });
    expect(await linusGets).toMatchObject({ orgId: org.id, seq: null, data: { role: 'EXTERNAL' } });
    await settle();
    expect(alanSaw).toEqual([]);
    expect(linusSaw.map((e) => e.type)).toEqual(['access.changed']);
  });

  it('moves a demoted or removed admin out of the admin room at once', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN', alan: 'ADMIN', linus: 'MEMBER' });
    const [ada, grace, alan] = await Promise.all(['ada', 'grace', 'alan'].map((k) => t.signIn(org.people[k]!.email)));
    const [graceSocket, alanSocket] = [grace!.socket(), alan!.socket()];
    await Promise.all([ready(graceSocket, org.id), ready(alanSocket, org.id)]);
    const graceSaw = recordEvents(graceSocket);
    const alanSaw = recordEvents(alanSocket);
    const base = `/api/orgs/${org.id}/members`;
    expect((await ada!.patch(`${base}/${org.people.grace!.id}`, { role: 'MEMBER', version: 1 })).status).toBe(200);
    expect((await ada!.delete(`${base}/${org.people.alan!.id}`)).status).toBe(204);
    expect((await ada!.patch(`${base}/${org.people.linus!.id}`, { role: 'EXTERNAL', version: 1 })).status).toBe(200);
    await vi.waitFor(() => expect(graceSaw.length + alanSaw.length).toBeGreaterThanOrEqual(3));
    await settle();
    // Losing admin access takes effect before the change is published: from it on, org events stop.
    expect(graceSaw.map((e) => e.type)).toEqual(['access.changed']);
    expect(alanSaw.map((e) => e.type)).toEqual(['member.role_changed', 'access.changed']);
    expect(alanSaw.at(-1)).toMatchObject({ type: 'access.changed', data: { role: null } });
    const sync = await alanSocket.emitWithAck('roster:sync', { orgId: org.id, since: 0 });
    expect(sync).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it('replays what a client missed through roster:sync, and tells it to reset when too far behind', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN', linus: 'MEMBER', alan: 'MEMBER' });
    const [ada, grace] = [await t.signIn(org.people.ada!.email), await t.signIn(org.people.grace!.email)];
    const base = `/api/orgs/${org.id}/members`;
    await ada.patch(`${base}/${org.people.linus!.id}`, { role: 'EXTERNAL', version: 1 });
    await ada.patch(`${base}/${org.people.alan!.id}`, { role: 'EXTERNAL', version: 1 });
    const socket = grace.socket();
    await connected(socket);
    const caughtUp = SyncAckSchema.parse(await socket.emitWithAck('roster:sync', { orgId: org.id, since: 1 }));
    expect(caughtUp).toMatchObject({ headSeq: 2, events: [{ seq: 2, type: 'member.role_changed' }] });
    const ahead = await socket.emitWithAck('roster:sync', { orgId: org.id, since: 99 });
    expect(ahead).toEqual({ reset: true, headSeq: 2 });
    expect(await socket.emitWithAck('roster:sync', { orgId: 42 })).toMatchObject({
      error: { code: 'VALIDATION_FAILED' },
    });
    const http = await grace.get(`/api/orgs/${org.id}/events?since=1`);
    expect(await http.json()).toMatchObject({ headSeq: 2, events: [{ seq: 2 }] });
    expect((await grace.get(`/api/orgs/${org.id}/events?since=99`)).status).toBe(410);
    expect((await grace.get(`/api/orgs/${org.id}/events?since=-1`)).status).toBe(422);
  });

  it('resets a client that fell further behind than the sync window', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN' });
    await t.database.db.updateTable('organizations').set({ event_seq: 800 }).where('id', '=', org.id).execute();
    const ada = await t.signIn(org.people.ada!.email);
    const socket = ada.socket();
    await connected(socket);
    expect(await socket.emitWithAck('roster:sync', { orgId: org.id, since: 100 })).toEqual({
      reset: true,
      headSeq: 800,
    });
    const http = await ada.get(`/api/orgs/${org.id}/events?since=100`);
    expect(http.status).toBe(410);
    expect(await http.json()).toMatchObject({ error: { code: 'SYNC_WINDOW_EXCEEDED', details: { headSeq: 800 } } });
  });

  it('sends admins a heartbeat with the head seq so an idle client notices it is behind', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER' });
    const ada = await t.signIn(org.people.ada!.email);
    await ada.patch(`/api/orgs/${org.id}/members/${org.people.linus!.id}`, { role: 'EXTERNAL', version: 1 });
    const socket = ada.socket();
    await ready(socket, org.id);
    const beat = await new Promise((resolve) =>
      socket.on('roster:heartbeat', (b: { orgId: string }) => b.orgId === org.id && resolve(b)),
    );
    expect(beat).toEqual({ orgId: org.id, headSeq: 1 });
  });
});

describe('an org that requires two-factor sign-in', () => {
  it('keeps members without it out of its rooms and its catch-up, and lets them in once they turn it on', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN', linus: 'MEMBER' });
    const [ada, grace] = [await t.signIn(org.people.ada!.email), await t.signIn(org.people.grace!.email)];
    await t.database.db
      .updateTable('users')
      .set({ two_factor_enabled: true })
      .where('id', '=', org.people.grace!.id)
      .execute();
    const settings = await grace.patch(`/api/orgs/${org.id}/settings`, { requireTwoFactor: true, version: 1 });
    expect(settings.status).toBe(200);

    const socket = ada.socket();
    await connected(socket);
    expect(await socket.emitWithAck('roster:sync', { orgId: org.id, since: 0 })).toMatchObject({
      error: { code: 'TWO_FACTOR_REQUIRED' },
    });
    const saw = recordEvents(socket);
    const base = `/api/orgs/${org.id}/members/${org.people.linus!.id}`;
    expect((await grace.patch(base, { role: 'EXTERNAL', version: 1 })).status).toBe(200);
    await settle();
    expect(saw).toEqual([]);

    // Set up through the auth library, as the account page does: the open tab joins at once.
    const { totpURI } = (await (await ada.post('/api/auth/two-factor/enable', { password: PASSWORD })).json()) as {
      totpURI: string;
    };
    expect((await ada.post('/api/auth/two-factor/verify-totp', { code: totpFor(totpURI) })).status).toBe(200);
    await inAdminRoom(t, socket, org.id);
    const next = nextEvent(socket, 'member.role_changed');
    expect((await grace.patch(base, { role: 'MEMBER', version: 2 })).status).toBe(200);
    expect(await next).toMatchObject({ orgId: org.id, data: { member: { role: 'MEMBER' } } });
  });

  it('moves open tabs of members without it out when an admin turns it on', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN', linus: 'MEMBER' });
    const [ada, grace] = [await t.signIn(org.people.ada!.email), await t.signIn(org.people.grace!.email)];
    await t.database.db
      .updateTable('users')
      .set({ two_factor_enabled: true })
      .where('id', '=', org.people.grace!.id)
      .execute();
    const socket = ada.socket();
    await ready(socket, org.id);
    expect((await grace.patch(`/api/orgs/${org.id}/settings`, { requireTwoFactor: true, version: 1 })).status).toBe(
      200,
    );
    await inAdminRoom(t, socket, org.id, false);
    const saw = recordEvents(socket);
    expect(
      (await grace.patch(`/api/orgs/${org.id}/members/${org.people.linus!.id}`, { role: 'EXTERNAL', version: 1 }))
        .status,
    ).toBe(200);
    await settle();
    expect(saw).toEqual([]);
  });
});
