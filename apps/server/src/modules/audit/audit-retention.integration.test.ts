import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonb } from '../../db/json.ts';
import { createOrg, type TestOrg } from '../../../test/factories.ts';
import { startTestServer, type TestServer } from '../../../test/test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const DAY_MS = 86_400_000;

/** `count` audit entries of `o`, `daysAgo` days old on the server's clock, with the seqs after `from`. */
async function entries(o: TestOrg, count: number, daysAgo: number, from: number) {
  const at = new Date(t.clock.now().getTime() - daysAgo * DAY_MS);
  await t.database.db
    .insertInto('events')
    .values(
      Array.from({ length: count }, (_, i) => ({
        org_id: o.id,
        seq: from + i + 1,
        type: 'settings.updated',
        actor_id: o.people.ada!.id,
        actor_name: 'Ada',
        target_id: null,
        before: null,
        after: null,
        data: jsonb({}),
        at,
      })),
    )
    .execute();
  await t.database.db
    .updateTable('organizations')
    .set({ event_seq: from + count })
    .where('id', '=', o.id)
    .execute();
}

const orgEvents = (o: TestOrg) =>
  t.database.db
    .selectFrom('events')
    .select(['seq', 'type', 'data', 'at'])
    .where('org_id', '=', o.id)
    .orderBy('id')
    .execute();

describe('audit retention', () => {
  it('is an org setting admins change like any other: a week at least, ten years at most, or forever', async () => {
    const o = await createOrg(t.database.db, { ada: 'ADMIN' });
    const ada = await t.signIn(o.people.ada!.email);
    const url = `/api/orgs/${o.id}/settings`;
    expect((await ada.patch(url, { auditRetentionDays: 3, version: 1 })).status).toBe(422);
    const saved = await ada.patch(url, { auditRetentionDays: 90, version: 1 });
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as { settings: { auditRetentionDays: number } }).settings.auditRetentionDays).toBe(90);
    expect((await ada.patch(url, { auditRetentionDays: null, version: 2 })).status).toBe(200);
  });

  it('deletes only entries older than the org’s auditRetentionDays, and records that it did, once', async () => {
    const kept = await createOrg(t.database.db, { ada: 'ADMIN' });
    const trimmed = await createOrg(t.database.db, { ada: 'ADMIN' }, { settings: { auditRetentionDays: 30 } });
    for (const o of [kept, trimmed]) {
      await entries(o, 5, 45, 0);
      await entries(o, 3, 10, 5);
    }
    // Two processes at once: one deletes, the other finds nothing left.
    const [first, second] = await Promise.all([t.server.auditRetention.apply(), t.server.auditRetention.apply()]);
    expect(first + second).toBe(5);

    expect(await orgEvents(kept)).toHaveLength(8);
    const left = await orgEvents(trimmed);
    expect(left.map((e) => e.seq)).toEqual([6, 7, 8, 9]);
    expect(left.at(-1)).toMatchObject({
      type: 'audit.retention_applied',
      data: { deleted: 5, retentionDays: 30, before: new Date(t.clock.now().getTime() - 30 * DAY_MS).toISOString() },
    });
    expect(await t.server.auditRetention.apply()).toBe(0);
    expect(await orgEvents(trimmed)).toHaveLength(4);
    // A tab that last saw seq 2 cannot replay what is gone: it is told to reload, not given a hole.
    const admin = await t.signIn(trimmed.people.ada!.email);
    expect((await admin.get(`/api/orgs/${trimmed.id}/events?since=2`)).status).toBe(410);
    expect((await admin.get(`/api/orgs/${trimmed.id}/events?since=5`)).status).toBe(200);
  });

  it('leaves the log append-only for everything else: no update, no delete outside the job', async () => {
    const o = await createOrg(t.database.db, { ada: 'ADMIN' }, { settings: { auditRetentionDays: 7 } });
    await entries(o, 2, 30, 0);
    const db = t.database.db;
    await expect(sql`update events set actor_name = 'Mallory' where org_id = ${o.id}`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from events where org_id = ${o.id}`.execute(db)).rejects.toThrow(/append-only/);
    // Naming the org without a cutoff, or a cutoff for another org, opens nothing either.
    await expect(
      db.transaction().execute(async (tx) => {
        await sql`select set_config('roster.retention_org', ${o.id}, true)`.execute(tx);
        await sql`delete from events where org_id = ${o.id}`.execute(tx);
      }),
    ).rejects.toThrow(/append-only/);
    await expect(
      db.transaction().execute(async (tx) => {
        await sql`select set_config('roster.retention_org', 'another-org', true), set_config('roster.retention_before', ${new Date().toISOString()}, true)`.execute(
          tx,
        );
        await sql`delete from events where org_id = ${o.id}`.execute(tx);
      }),
    ).rejects.toThrow(/append-only/);
    expect(await orgEvents(o)).toHaveLength(2);
  });
});
