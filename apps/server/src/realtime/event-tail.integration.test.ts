import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TableNode, type KyselyPlugin, type RootOperationNode } from 'kysely';
import type { OrgEvent } from '@roster/contracts';
import type { DatabaseHandle } from '../db/connect.ts';
import { createLogger } from '../lib/logger.ts';
import { eventsSince } from '../modules/events/events.repository.ts';
import { startServer, type RunningServer } from '../server.ts';
import { createOrg, PASSWORD, type TestOrg } from '../../test/factories.ts';
import { freePort, hasCommand, startRedis, type Child } from '../../test/processes.ts';
import { createTestDatabase } from '../../test/test-database.ts';
import { apiClient, connected, ready, type ApiClient } from '../../test/test-server.ts';

/** Counts the reads of the events table made through one server's database handle. */
function countingEventReads() {
  const counter = { reads: 0 };
  const plugin: KyselyPlugin = {
    transformQuery({ node }) {
      if (readsEvents(node)) counter.reads += 1;
      return node;
    },
    transformResult: ({ result }) => Promise.resolve(result),
  };
  return { counter, plugin };
}

function readsEvents(node: RootOperationNode): boolean {
  if (node.kind !== 'SelectQueryNode') return false;
  const from = node.from?.froms[0];
  return from !== undefined && TableNode.is(from) && from.table.identifier.name === 'events';
}

interface Process {
  server: RunningServer;
  eventReads: { reads: number };
}

async function startProcess(database: DatabaseHandle, redisUrl?: string): Promise<Process> {
  const { counter, plugin } = countingEventReads();
  const server = await startServer({
    db: database.db.withPlugin(plugin),
    logger: createLogger('error'),
    port: 0,
    host: '127.0.0.1',
    secret: 'test-secret-that-is-long-enough-for-the-library',
    rateLimit: false,
    heartbeatMs: 60_000,
    ...(redisUrl ? { redisUrl } : {}),
  });
  return { server, eventReads: counter };
}

async function signIn(process: Process, email: string): Promise<ApiClient> {
  const response = await process.server.app.request('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: process.server.url },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return apiClient(process.server, cookie);
}

/** Three admin-room events, as role flips of linus. */
async function threeChanges(ada: ApiClient, org: TestOrg, firstVersion: number) {
  for (let i = 0; i < 3; i++) {
    const role = (firstVersion + i) % 2 ? 'EXTERNAL' : 'MEMBER';
    const response = await ada.patch(`/api/orgs/${org.id}/members/${org.people.linus!.id}`, {
      role,
      version: firstVersion + i,
    });
    expect(response.status).toBe(200);
  }
}

type Ack = { events: OrgEvent[]; headSeq: number };

describe('catch-up from the event tail', () => {
  let database: DatabaseHandle;
  let one: Process;
  let other: Process;

  beforeAll(async () => {
    database = await createTestDatabase();
    one = await startProcess(database);
    // A second server on the same database without a shared broker: it hears none of one's events.
    other = await startProcess(database);
  });
  afterAll(async () => {
    await Promise.all([one?.server.close(), other?.server.close()]);
    await database?.close();
  });

  it('replays exactly the missed events to a reconnecting socket, without reading the database', async () => {
    const org = await createOrg(database.db, { ada: 'ADMIN', grace: 'ADMIN', linus: 'MEMBER' });
    const ada = await signIn(one, org.people.ada!.email);
    const grace = (await signIn(one, org.people.grace!.email)).socket();
    await ready(grace, org.id);
    await threeChanges(ada, org, 1);
    grace.disconnect();
    await threeChanges(ada, org, 4);

    const readsBefore = one.eventReads.reads;
    grace.connect();
    await connected(grace);
    const ack = (await grace.emitWithAck('roster:sync', { orgId: org.id, since: 3 })) as Ack;
    expect(ack.events).toEqual(await eventsSince(database.db, org.id, 3));
    expect(ack.events.map((e) => e.seq)).toEqual([4, 5, 6]);
    expect(ack.headSeq).toBe(6);
    expect(one.eventReads.reads).toBe(readsBefore);
    grace.disconnect();
  });

  it('reads the database when `since` is older than what the tail holds, then serves it from memory', async () => {
    const org = await createOrg(database.db, { ada: 'ADMIN', grace: 'ADMIN', linus: 'MEMBER' });
    await threeChanges(await signIn(one, org.people.ada!.email), org, 1);
    // The other server publishes seq 4 itself: its tail starts there, and knows nothing before.
    await threeChanges(await signIn(other, org.people.ada!.email), org, 4);
    const grace = (await signIn(other, org.people.grace!.email)).socket();
    await connected(grace);

    const readsBefore = other.eventReads.reads;
    const ack = (await grace.emitWithAck('roster:sync', { orgId: org.id, since: 1 })) as Ack;
    expect(ack.events).toEqual(await eventsSince(database.db, org.id, 1));
    expect(ack.events.map((e) => e.seq)).toEqual([2, 3, 4, 5, 6]);
    expect(other.eventReads.reads).toBe(readsBefore + 1);
    // What the database returned joined the tail: the same request again costs no read.
    expect(await grace.emitWithAck('roster:sync', { orgId: org.id, since: 1 })).toEqual(ack);
    expect(other.eventReads.reads).toBe(readsBefore + 1);
    grace.disconnect();
  });

  it('never answers from a tail behind the database head, nor across a gap', async () => {
    const org = await createOrg(database.db, { ada: 'ADMIN', grace: 'ADMIN', linus: 'MEMBER' });
    const ada = await signIn(one, org.people.ada!.email);
    const grace = (await signIn(other, org.people.grace!.email)).socket();
    await ready(grace, org.id);
    // The other server publishes seq 1-3 and never hears of 4-6: its tail ends behind the head.
    await threeChanges(await signIn(other, org.people.ada!.email), org, 1);
    await threeChanges(ada, org, 4);
    const ack = (await grace.emitWithAck('roster:sync', { orgId: org.id, since: 0 })) as Ack;
    expect(ack.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ack.events).toEqual(await eventsSince(database.db, org.id, 0));
    grace.disconnect();
  });

  it('answers many sockets syncing at once with one read of the events', async () => {
    const admins = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`admin${i}`, 'ADMIN' as const]));
    const org = await createOrg(database.db, { ...admins, linus: 'MEMBER' });
    await threeChanges(await signIn(one, org.people.admin0!.email), org, 1);
    const clients = await Promise.all(Object.keys(admins).map((key) => signIn(other, org.people[key]!.email)));
    const sockets = clients.flatMap((client) => Array.from({ length: 5 }, () => client.socket()));
    await Promise.all(sockets.map((s) => connected(s)));

    const readsBefore = other.eventReads.reads;
    const acks = (await Promise.all(
      sockets.map((s) => s.emitWithAck('roster:sync', { orgId: org.id, since: 0 })),
    )) as Ack[];
    const expected = await eventsSince(database.db, org.id, 0);
    for (const ack of acks) expect(ack).toEqual({ events: expected, headSeq: 3 });
    // The first batch reads the database and fills the tail; every later one is served from it.
    expect(other.eventReads.reads - readsBefore).toBe(1);
    sockets.forEach((s) => s.disconnect());
  });

  it('still refuses a demoted admin and a deleted org whose events the tail holds', async () => {
    const org = await createOrg(database.db, { ada: 'ADMIN', grace: 'ADMIN', linus: 'MEMBER' });
    const ada = await signIn(one, org.people.ada!.email);
    const grace = (await signIn(one, org.people.grace!.email)).socket();
    await ready(grace, org.id);
    await threeChanges(ada, org, 1);
    const demoted = await ada.patch(`/api/orgs/${org.id}/members/${org.people.grace!.id}`, {
      role: 'MEMBER',
      version: 1,
    });
    expect(demoted.status).toBe(200);
    expect(await grace.emitWithAck('roster:sync', { orgId: org.id, since: 0 })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });

    const adaSocket = ada.socket();
    await ready(adaSocket, org.id);
    const { name } = await database.db
      .selectFrom('organizations')
      .select('name')
      .where('id', '=', org.id)
      .executeTakeFirstOrThrow();
    expect((await ada.delete(`/api/orgs/${org.id}`, { confirm: name })).status).toBe(200);
    expect(await adaSocket.emitWithAck('roster:sync', { orgId: org.id, since: 0 })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    grace.disconnect();
    adaSocket.disconnect();
  });
});

const redisRunnable = hasCommand('redis-server');

describe.skipIf(!redisRunnable)('catch-up on two processes sharing rooms over Redis', () => {
  let database: DatabaseHandle;
  let redis: Child;
  let one: Process;
  let other: Process;

  beforeAll(async () => {
    database = await createTestDatabase();
    const port = await freePort();
    redis = await startRedis(port);
    one = await startProcess(database, `redis://127.0.0.1:${port}`);
    other = await startProcess(database, `redis://127.0.0.1:${port}`);
  }, 30_000);
  afterAll(async () => {
    await Promise.all([one?.server.close(), other?.server.close()]);
    await redis?.stop();
    await database?.close();
  });

  it('serves events published by the other process from its own tail, none missed', async () => {
    const org = await createOrg(database.db, { ada: 'ADMIN', grace: 'ADMIN', linus: 'MEMBER' });
    const ada = await signIn(one, org.people.ada!.email);
    const grace = (await signIn(other, org.people.grace!.email)).socket();
    await ready(grace, org.id);
    grace.disconnect();
    await threeChanges(ada, org, 1);
    await threeChanges(await signIn(other, org.people.ada!.email), org, 4);
    // The other process hears of the first one's events over Redis; wait until it has.
    await vi.waitFor(() => expect(other.server.realtime.tail.read(org.id, 0, 6)).toHaveLength(6));

    const readsBefore = other.eventReads.reads;
    grace.connect();
    await connected(grace);
    const ack = (await grace.emitWithAck('roster:sync', { orgId: org.id, since: 0 })) as Ack;
    expect(ack.events).toEqual(await eventsSince(database.db, org.id, 0));
    expect(ack.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(other.eventReads.reads).toBe(readsBefore);
    grace.disconnect();
  });
});
