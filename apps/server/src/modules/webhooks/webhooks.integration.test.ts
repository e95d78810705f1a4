import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { lookup } from 'node:dns/promises';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateWebhookResponseSchema,
  ErrorBodySchema,
  ListWebhookDeliveriesResponseSchema,
  ListWebhooksResponseSchema,
  RedeliverWebhookResponseSchema,
  RotateWebhookSecretResponseSchema,
  WebhookPayloadSchema,
  WebhookResponseSchema,
} from '@roster/contracts';
import { createOrg, type TestOrg } from '../../../test/factories.ts';
import { mailsTo } from '../../../test/account-helpers.ts';
import { startTestServer, type ApiClient, type TestServer } from '../../../test/test-server.ts';
import { createOrgQueue } from '../../mutation/org-queue.ts';
import { runMutation, type MutationDeps } from '../../mutation/run-mutation.ts';
import type { Publisher } from '../../realtime/publisher.ts';
import { createLogger } from '../../lib/logger.ts';
import { authorizeInside, systemUser } from '../invitations/invitation-context.ts';

/** A receiver on 127.0.0.1: it answers each request with the next status of its script (200 when none is left). */
interface Receiver {
  url: string;
  received: Array<{ headers: IncomingHttpHeaders; body: string; status: number }>;
  script: number[];
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const received: Receiver['received'] = [];
  const script: number[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const status = script.shift() ?? 200;
      received.push({ headers: request.headers, body, status });
      response.writeHead(status).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    script,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** `receiver.test` is known only to this resolver: a delivery there proves the checked address is the one dialled. */
const resolve = async (host: string) =>
  host === 'receiver.test' ? [{ address: '127.0.0.1', family: 4 }] : lookup(host, { all: true });
const webhookSettings = { allowPrivate: true, retryDelaysMs: [0, 0], pollMs: 25, resolve };
let t: TestServer;
let second: TestServer;
let strict: TestServer;
let receiver: Receiver;
beforeAll(async () => {
  t = await startTestServer({ webhooks: webhookSettings });
  // A second process on the same database, with its own worker.
  second = await startTestServer({ database: t.database, webhooks: webhookSettings });
  // The default settings: no private targets (its worker never polls here).
  strict = await startTestServer({ database: t.database, webhooks: { pollMs: 3_600_000 } });
  receiver = await startReceiver();
});
afterAll(async () => {
  await strict?.close();
  await second?.close();
  await t?.close();
  await receiver?.close();
});

const refusal = async (response: Response) => ErrorBodySchema.parse(await response.json()).error;

async function adminOf(server: TestServer = t): Promise<{ o: TestOrg; ada: ApiClient }> {
  const o = await createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER' });
  return { o, ada: await server.signIn(o.people.ada!.email) };
}

async function createHook(ada: ApiClient, orgId: string, body: Record<string, unknown>) {
  const response = await ada.post(`/api/orgs/${orgId}/webhooks`, body);
  expect(response.status, await response.clone().text()).toBe(201);
  return CreateWebhookResponseSchema.parse(await response.json());
}

async function createWorkspace(client: ApiClient, orgId: string, name: string) {
  const response = await client.post(`/api/orgs/${orgId}/workspaces`, { name });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
}

async function until<T>(what: string, probe: () => T | false | Promise<T | false>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function receivedFor(secret: string) {
  return receiver.received.filter((r) => {
    try {
      new Webhook(secret).verify(r.body, r.headers as Record<string, string>);
      return true;
    } catch {
      return false;
    }
  });
}

describe('webhook endpoints', () => {
  it('an admin creates, lists, changes, rotates and deletes an endpoint, each audited', async () => {
    const { o, ada } = await adminOf();
    const created = await createHook(ada, o.id, {
      url: `${receiver.url}?a`,
      events: ['workspace.*', 'member.added', 'workspace.*'],
      description: 'CRM sync',
    });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const list = ListWebhooksResponseSchema.parse(await (await ada.get(`/api/orgs/${o.id}/webhooks`)).json());
    expect(list.items).toEqual([
      expect.objectContaining({
        id: created.id,
        events: ['workspace.*', 'member.added'],
        description: 'CRM sync',
        enabled: true,
        disabledReason: null,
        version: 1,
        lastDelivery: null,
      }),
    ]);
    expect(JSON.stringify(list)).not.toContain(created.secret);
    // The secret rests sealed in the database.
    const stored = await t.database.db
      .selectFrom('webhook_endpoints')
      .select('secret')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(stored.secret).not.toContain(created.secret.slice('whsec_'.length));

    const patched = await ada.patch(`/api/orgs/${o.id}/webhooks/${created.id}`, {
      version: 1,
      events: ['*'],
      enabled: false,
    });
    expect(patched.status).toBe(200);
    expect(WebhookResponseSchema.parse(await patched.json()).webhook).toMatchObject({
      events: ['*'],
      enabled: false,
      version: 2,
    });
    const stale = await ada.patch(`/api/orgs/${o.id}/webhooks/${created.id}`, { version: 1, enabled: true });
    expect([stale.status, (await refusal(stale)).code]).toEqual([409, 'VERSION_CONFLICT']);

    const rotated = await ada.post(`/api/orgs/${o.id}/webhooks/${created.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    const { secret } = RotateWebhookSecretResponseSchema.parse(await rotated.json());
    expect(secret).not.toBe(created.secret);

    expect((await ada.delete(`/api/orgs/${o.id}/webhooks/${created.id}`)).status).toBe(204);
    expect((await ada.delete(`/api/orgs/${o.id}/webhooks/${created.id}`)).status).toBe(404);
    const events = await t.database.db
      .selectFrom('events')
      .select(['type'])
      .where('org_id', '=', o.id)
      .where('type', 'like', 'webhook.%')
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.type)).toEqual([
      'webhook.created',
      'webhook.updated',
      'webhook.secret_rotated',
      'webhook.deleted',
    ]);
    const audited = await t.database.db
      .selectFrom('events')
      .select(['after', 'data'])
      .where('org_id', '=', o.id)
      .where('type', 'like', 'webhook.%')
      .execute();
    expect(JSON.stringify(audited)).not.toContain('whsec_');
  });

  it('refuses bad input with 4xx and a stable code, and members', async () => {
    const { o, ada } = await adminOf();
    const bad = [
      {},
      { url: 'https://example.com', events: [] },
      { url: 'https://example.com', events: ['member.exploded'] },
      { url: 'ftp://example.com', events: ['*'] },
      { url: 'https://user:pw@example.com', events: ['*'] },
      { url: `https://example.com/${'a'.repeat(2048)}`, events: ['*'] },
      { url: 'https://example.com', events: ['*'], description: 'x'.repeat(201) },
      { url: 'https://example.com', events: ['*'], extra: 1 },
    ];
    for (const body of bad) {
      const response = await ada.post(`/api/orgs/${o.id}/webhooks`, body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect((await refusal(response)).code).toBe('VALIDATION_FAILED');
    }
    const linus = await t.signIn(o.people.linus!.email);
    const member = await linus.post(`/api/orgs/${o.id}/webhooks`, { url: 'https://example.com', events: ['*'] });
    expect(member.status).toBe(403);
    expect((await linus.get(`/api/orgs/${o.id}/webhooks`)).status).toBe(403);
    const missing = await ada.patch(`/api/orgs/${o.id}/webhooks/nope`, { version: 1, enabled: true });
    expect(missing.status).toBe(404);
    const cursor = await ada.get(`/api/orgs/${o.id}/webhooks/nope/deliveries?cursor=abc`);
    expect(cursor.status).toBeGreaterThanOrEqual(400);
    expect(cursor.status).toBeLessThan(500);
  });

  it('by default refuses loopback, private, link-local and metadata targets, and plain http', async () => {
    const { o, ada } = await adminOf(strict);
    for (const url of [
      'https://127.0.0.1/hooks',
      'https://10.1.2.3/hooks',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/hooks',
      'https://[::ffff:127.0.0.1]/hooks',
      'https://[fe80::1]/hooks',
      'https://localhost/hooks',
      'http://example.com/hooks',
    ]) {
      const response = await ada.post(`/api/orgs/${o.id}/webhooks`, { url, events: ['*'] });
      expect(response.status, url).toBe(422);
      expect((await refusal(response)).code, url).toBe('WEBHOOK_URL_REFUSED');
    }
  });

  it('two changes at the same version: one wins, the other is 409', async () => {
    const { o, ada } = await adminOf();
    const { id } = await createHook(ada, o.id, { url: receiver.url, events: ['org.updated'] });
    const [a, b] = await Promise.all([
      ada.patch(`/api/orgs/${o.id}/webhooks/${id}`, { version: 1, description: 'one' }),
      ada.patch(`/api/orgs/${o.id}/webhooks/${id}`, { version: 1, description: 'two' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });
});

describe('webhook delivery', () => {
  it('writes the outbox in the change’s transaction: a rolled-back change delivers nothing', async () => {
    const { o, ada } = await adminOf();
    const { id } = await createHook(ada, o.id, { url: receiver.url, events: ['workspace.created'] });
    const publisher = new Proxy({}, { get: () => () => {} }) as Publisher;
    const deps: MutationDeps = {
      db: t.database.db,
      clock: t.clock,
      publisher,
      logger: createLogger('silent'),
      orgQueue: createOrgQueue({ maxWaitMs: 5_000 }),
    };
    const spec = { orgId: o.id, user: systemUser, action: 'test', authorize: authorizeInside };
    const workspace = {
      id: 'w-rolled-back',
      orgId: o.id,
      name: 'Never',
      version: 1,
      createdAt: new Date().toISOString(),
    };
    let seenInside = 0;
    await expect(
      runMutation(deps, spec, async (ctx) => {
        const event = await ctx.emit({
          type: 'workspace.created',
          targetId: workspace.id,
          before: null,
          after: workspace,
          data: { workspace } as never,
        });
        const rows = await ctx.tx
          .selectFrom('webhook_deliveries')
          .select(['id'])
          .where('endpoint_id', '=', id)
          .where('seq', '=', event.seq)
          .execute();
        seenInside = rows.length;
        throw new Error('the change fails after its event');
      }),
    ).rejects.toThrow('the change fails');
    expect(seenInside).toBe(1);
    const rows = await t.database.db
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('endpoint_id', '=', id)
      .execute();
    expect(rows).toEqual([]);
  });

  it('delivers signed, verifiable payloads in seq order; a 500 is retried with the same webhook-id', async () => {
    const { o, ada } = await adminOf();
    const { id, secret } = await createHook(ada, o.id, { url: receiver.url, events: ['workspace.*'] });
    receiver.script.push(500);
    for (const name of ['North', 'South', 'East']) await createWorkspace(ada, o.id, name);
    const mine = await until('three deliveries', () => {
      const got = receivedFor(secret);
      return got.filter((r) => r.status === 200).length >= 3 && got;
    });
    const payloads = mine.map((r) =>
      WebhookPayloadSchema.parse(new Webhook(secret).verify(r.body, r.headers as never)),
    );
    expect(payloads.every((p) => p.type === 'workspace.created')).toBe(true);
    // The first failed and was retried before the second left: order by seq is kept.
    expect(mine.map((r) => r.status)).toEqual([500, 200, 200, 200]);
    const seqs = payloads.map((p) => p.data.seq);
    expect(seqs[0]).toBe(seqs[1]);
    expect([...seqs].slice(1)).toEqual([...seqs.slice(1)].sort((a, b) => a - b));
    expect(mine[0]!.headers['webhook-id']).toBe(mine[1]!.headers['webhook-id']);
    expect(new Set(mine.map((r) => r.headers['webhook-id'])).size).toBe(3);
    expect(payloads[1]!.data).toMatchObject({
      actor: { id: o.people.ada!.id },
      target: { kind: 'workspace', name: 'North' },
      before: null,
      after: expect.objectContaining({ name: 'North' }),
    });

    // The receiver has a request before the sender has read the answer and logged the attempt.
    await until('four attempts logged', async () => {
      const logged = await t.database.db
        .selectFrom('webhook_attempts')
        .select('id')
        .where('endpoint_id', '=', id)
        .execute();
      return logged.length >= 4;
    });
    const log = ListWebhookDeliveriesResponseSchema.parse(
      await (await ada.get(`/api/orgs/${o.id}/webhooks/${id}/deliveries?limit=2`)).json(),
    );
    expect(log.items).toHaveLength(2);
    expect(log.nextCursor).not.toBeNull();
    const rest = ListWebhookDeliveriesResponseSchema.parse(
      await (await ada.get(`/api/orgs/${o.id}/webhooks/${id}/deliveries?cursor=${log.nextCursor}`)).json(),
    );
    const all = [...log.items, ...rest.items].reverse();
    expect(all.map((a) => [a.attempt, a.status, a.httpStatus])).toEqual([
      [1, 'failed', 500],
      [2, 'succeeded', 200],
      [1, 'succeeded', 200],
      [1, 'succeeded', 200],
    ]);
    expect(all[0]!.webhookId).toBe(all[1]!.webhookId);
    expect(all[0]!.nextRetryAt).not.toBeNull();
    const listed = ListWebhooksResponseSchema.parse(await (await ada.get(`/api/orgs/${o.id}/webhooks`)).json());
    expect(listed.items[0]!.lastDelivery).toMatchObject({ status: 'succeeded', httpStatus: 200 });
  });

  it('connects to the address it checked, keeping the host name', async () => {
    const { o, ada } = await adminOf();
    const url = receiver.url.replace('127.0.0.1', 'receiver.test');
    const { secret } = await createHook(ada, o.id, { url, events: ['workspace.created'] });
    await createWorkspace(ada, o.id, 'Pinned');
    const [delivery] = await until('a delivery', () => receivedFor(secret).length > 0 && receivedFor(secret));
    expect(delivery!.headers.host).toBe(new URL(url).host);
  });

  it('signs with the previous secret too for a day after a rotation', async () => {
    const { o, ada } = await adminOf();
    const { id, secret: old } = await createHook(ada, o.id, { url: receiver.url, events: ['workspace.created'] });
    const rotated = RotateWebhookSecretResponseSchema.parse(
      await (await ada.post(`/api/orgs/${o.id}/webhooks/${id}/rotate-secret`)).json(),
    );
    await createWorkspace(ada, o.id, 'Rotated');
    const [delivery] = await until(
      'a delivery',
      () => receivedFor(rotated.secret).length > 0 && receivedFor(rotated.secret),
    );
    expect(String(delivery!.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(() => new Webhook(old).verify(delivery!.body, delivery!.headers as never)).not.toThrow();
  });

  it('disables the endpoint after the last retry and mails the admins', async () => {
    const { o, ada } = await adminOf();
    const { id, secret } = await createHook(ada, o.id, { url: receiver.url, events: ['workspace.created'] });
    receiver.script.push(503, 503, 503);
    await createWorkspace(ada, o.id, 'Doomed');
    const listed = await until('the endpoint disabled', async () => {
      const list = ListWebhooksResponseSchema.parse(await (await ada.get(`/api/orgs/${o.id}/webhooks`)).json());
      return !list.items[0]!.enabled && list;
    });
    expect(listed.items[0]!.disabledReason).toMatch(/3 attempts/);
    const attempts = receivedFor(secret);
    expect(attempts.map((r) => r.status)).toEqual([503, 503, 503]);
    expect(new Set(attempts.map((r) => r.headers['webhook-id'])).size).toBe(1);
    const mails = await until('the mail', async () => {
      const got = await mailsTo(t, o.people.ada!.email);
      return got.some((m) => m.subject.includes('webhook')) && got;
    });
    expect(mails.find((m) => m.subject.includes('webhook'))!.text).toContain(receiver.url);
    expect(await mailsTo(t, o.people.linus!.email)).toEqual([]);
    const types = await t.database.db
      .selectFrom('events')
      .select('type')
      .where('org_id', '=', o.id)
      .where('type', '=', 'webhook.disabled')
      .execute();
    expect(types).toHaveLength(1);

    // Changes made while it is disabled are not queued for it; enabled again, it hears of the next ones.
    await createWorkspace(ada, o.id, 'While disabled');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receivedFor(secret)).toHaveLength(3);
    const webhook = listed.items[0]!;
    expect(
      (await ada.patch(`/api/orgs/${o.id}/webhooks/${id}`, { version: webhook.version, enabled: true })).status,
    ).toBe(200);
    await createWorkspace(ada, o.id, 'Enabled again');
    const [last] = (await until('the next entry', () => receivedFor(secret).length === 4 && receivedFor(secret))).slice(
      3,
    );
    expect(JSON.parse(last!.body)).toMatchObject({ data: { target: { name: 'Enabled again' } } });

    // The given-up entry is sent again on request, with its webhook-id, and audited.
    const givenUp = attempts[0]!.headers['webhook-id'] as string;
    const again = await ada.post(`/api/orgs/${o.id}/webhooks/${id}/deliveries/${givenUp}/redeliver`);
    expect(again.status).toBe(200);
    expect(RedeliverWebhookResponseSchema.parse(await again.json())).toEqual({ deliveryId: givenUp, state: 'pending' });
    const [redelivered] = (
      await until('the redelivery', () => receivedFor(secret).length === 5 && receivedFor(secret))
    ).slice(4);
    expect(redelivered!.headers['webhook-id']).toBe(givenUp);
    expect((await ada.post(`/api/orgs/${o.id}/webhooks/${id}/deliveries/nope/redeliver`)).status).toBe(404);
    const linus = await t.signIn(o.people.linus!.email);
    expect((await linus.post(`/api/orgs/${o.id}/webhooks/${id}/deliveries/${givenUp}/redeliver`)).status).toBe(403);
    const redeliveries = await t.database.db
      .selectFrom('events')
      .select('type')
      .where('org_id', '=', o.id)
      .where('type', '=', 'webhook.redelivered')
      .execute();
    expect(redeliveries).toHaveLength(1);
  });

  it('two processes on one database deliver each entry once', async () => {
    const { o, ada } = await adminOf();
    const { secret } = await createHook(ada, o.id, { url: receiver.url, events: ['workspace.created'] });
    const other = await adminOf();
    const second2 = await createHook(other.ada, other.o.id, { url: receiver.url, events: ['workspace.created'] });
    const onSecond = await second.signIn(other.o.people.ada!.email);
    for (let i = 0; i < 5; i++) {
      await createWorkspace(ada, o.id, `A${i}`);
      await createWorkspace(onSecond, other.o.id, `B${i}`);
    }
    await until('ten deliveries', () => receivedFor(secret).length >= 5 && receivedFor(second2.secret).length >= 5);
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const s of [secret, second2.secret]) {
      const got = receivedFor(s);
      expect(got).toHaveLength(5);
      expect(new Set(got.map((r) => r.headers['webhook-id'])).size).toBe(5);
      const seqs = got.map((r) => (JSON.parse(r.body) as { data: { seq: number } }).data.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    }
  });
});
