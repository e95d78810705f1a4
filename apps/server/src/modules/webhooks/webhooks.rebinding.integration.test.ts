import { afterAll, beforeAll, expect, it } from 'vitest';
import { CreateWebhookResponseSchema, ListWebhookDeliveriesResponseSchema } from '@roster/contracts';
import { createOrg } from '../../../test/factories.ts';
import { startTestServer, type TestServer } from '../../../test/test-server.ts';

/** A name that resolved to a public address when the webhook was added, and to this machine since. */
let rebound = false;
const resolve = (host: string) =>
  Promise.resolve(host === 'rebind.test' ? [{ address: rebound ? '127.0.0.1' : '93.184.215.14', family: 4 }] : []);

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ webhooks: { retryDelaysMs: [0], pollMs: 25, resolve } });
});
afterAll(() => t.close());

it('checks the target again at delivery: a name that now resolves to loopback is never dialled', async () => {
  const o = await createOrg(t.database.db, { ada: 'ADMIN' });
  const ada = await t.signIn(o.people.ada!.email);
  const created = await ada.post(`/api/orgs/${o.id}/webhooks`, {
    url: 'https://rebind.test/hooks',
    events: ['workspace.created'],
  });
  expect(created.status).toBe(201);
  const { id } = CreateWebhookResponseSchema.parse(await created.json());
  rebound = true;
  expect((await ada.post(`/api/orgs/${o.id}/workspaces`, { name: 'Rebound' })).status).toBe(201);
  const deadline = Date.now() + 10_000;
  let items: Array<{ attempt: number; error: string | null; httpStatus: number | null }> = [];
  while (Date.now() < deadline && items.length < 2) {
    await new Promise((r) => setTimeout(r, 25));
    items = ListWebhookDeliveriesResponseSchema.parse(
      await (await ada.get(`/api/orgs/${o.id}/webhooks/${id}/deliveries`)).json(),
    ).items;
  }
  expect(items.map((a) => [a.attempt, a.httpStatus])).toEqual([
    [2, null],
    [1, null],
  ]);
  // The log says why, not where: a refusal must not map the server's own network.
  expect(items[0]!.error).toMatch(/rebind.test resolves to a private or reserved address/);
  expect(items[0]!.error).not.toMatch(/127\.0\.0\.1/);
  const refused = await ada.patch(`/api/orgs/${o.id}/webhooks/${id}`, { version: 1, description: 'x' });
  expect(refused.status).toBe(409);
});
