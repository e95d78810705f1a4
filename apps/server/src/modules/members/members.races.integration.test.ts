import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg } from '../../../test/factories.ts';
import { startTestServer, type TestServer } from '../../../test/test-server.ts';

// Each test fires truly concurrent requests at the real app; the org lock must serialize them.
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const statuses = (responses: Response[]) => responses.map((r) => r.status).sort();

async function admins(orgId: string) {
  return t.database.db
    .selectFrom('org_members')
    .select('user_id')
    .where('org_id', '=', orgId)
    .where('role', '=', 'ADMIN')
    .execute();
}

describe('races', () => {
  it('two admins demoting each other at once leave exactly one admin (R9)', async () => {
    const org = await createOrg(
      t.database.db,
      { ada: 'ADMIN', grace: 'ADMIN' },
      { settings: { protectCreator: false } },
    );
    const [ada, grace] = [await t.signIn(org.people.ada!.email), await t.signIn(org.people.grace!.email)];
    const url = (id: string) => `/api/orgs/${org.id}/members/${id}`;
    const results = await Promise.all([
      ada.patch(url(org.people.grace!.id), { role: 'MEMBER', version: 1 }),
      grace.patch(url(org.people.ada!.id), { role: 'MEMBER', version: 1 }),
    ]);
    expect(statuses(results)).toEqual([200, 403]);
    expect(await admins(org.id)).toHaveLength(1);
  });

  it('two admins removing the only other admins at once never empty the org', async () => {
    const org = await createOrg(
      t.database.db,
      { ada: 'ADMIN', grace: 'ADMIN', alan: 'ADMIN' },
      { settings: { protectCreator: false } },
    );
    const clients = await Promise.all(['ada', 'grace', 'alan'].map((k) => t.signIn(org.people[k]!.email)));
    const ids = ['ada', 'grace', 'alan'].map((k) => org.people[k]!.id);
    // Everyone removes the next person round the table: at most two can succeed.
    const results = await Promise.all(
      clients.map((c, i) => c.delete(`/api/orgs/${org.id}/members/${ids[(i + 1) % 3]}`)),
    );
    expect(results.filter((r) => r.status === 204).length).toBeLessThanOrEqual(2);
    expect((await admins(org.id)).length).toBeGreaterThanOrEqual(1);
  });

  it('two admins changing the same member from the same version: the first wins, the second conflicts', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN', linus: 'MEMBER' });
    const [ada, grace] = [await t.signIn(org.people.ada!.email), await t.signIn(org.people.grace!.email)];
    const url = `/api/orgs/${org.id}/members/${org.people.linus!.id}`;
    const results = await Promise.all([
      ada.patch(url, { role: 'ADMIN', version: 1 }),
      grace.patch(url, { role: 'EXTERNAL', version: 1 }),
    ]);
    expect(statuses(results)).toEqual([200, 409]);
    const events = await t.database.db
      .selectFrom('events')
      .selectAll()
      .where('org_id', '=', org.id)
      .where('seq', 'is not', null)
      .execute();
    expect(events).toHaveLength(1);
  });

  it('gives concurrent changes a gap-free seq in commit order', async () => {
    const roles = Object.fromEntries([
      ['ada', 'ADMIN'],
      ['grace', 'ADMIN'],
      ...Array.from({ length: 12 }, (_, i) => [`m${i}`, 'MEMBER']),
    ]) as Record<string, 'ADMIN' | 'MEMBER'>;
    const org = await createOrg(t.database.db, roles);
    const [ada, grace] = [await t.signIn(org.people.ada!.email), await t.signIn(org.people.grace!.email)];
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        (i % 2 ? ada : grace).patch(`/api/orgs/${org.id}/members/${org.people[`m${i}`]!.id}`, {
          role: 'EXTERNAL',
          version: 1,
        }),
      ),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    const events = await t.database.db
      .selectFrom('events')
      .select(['seq', 'id'])
      .where('org_id', '=', org.id)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    // Commit order: a later seq was never written before an earlier one.
    const ids = events.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const [org_] = await t.database.db
      .selectFrom('organizations')
      .select('event_seq')
      .where('id', '=', org.id)
      .execute();
    expect(org_!.event_seq).toBe(12);
  });
});
