import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createOrg } from './factories.ts';
import { headSeq, refusal } from './invitation-helpers.ts';
import { startTestServer, type ApiClient, type TestServer } from './test-server.ts';
import { usingPostgres } from './test-database.ts';

const WRITERS = 40;
/** Reads of the calm org to measure (fewer if they take longer than READ_FOR_MS in all). */
const SAMPLES = 200;
const READ_FOR_MS = 15_000;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

/** One writer: flips one member's role back and forth until told to stop; statuses (or timings). */
async function flipRoles(admin: ApiClient, path: string, done: () => boolean, timings = false) {
  const results: number[] = [];
  let version = 1;
  while (!done()) {
    const role = version % 2 === 1 ? 'EXTERNAL' : 'MEMBER';
    const started = performance.now();
    const response = await admin.patch(path, { role, version });
    results.push(timings ? performance.now() - started : response.status);
    if (response.status === 200) version += 1;
    // Told BUSY: come back when asked to, as clients do.
    const retryAfter = Number(response.headers.get('retry-after') ?? 0);
    if (response.status === 503) await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
  }
  return results;
}

function countdown(times: number) {
  let left = times;
  return () => left-- <= 0;
}

/** Reads another org's members list over and over, for a while; returns each latency. */
async function readMany(reader: ApiClient, path: string, count: number, until: number) {
  const latencies: number[] = [];
  while (latencies.length < count && performance.now() < until) {
    const started = performance.now();
    const response = await reader.get(path);
    latencies.push(performance.now() - started);
    expect(response.status).toBe(200);
  }
  return latencies;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const p99 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.99) - 1]!;

async function busyAndCalmOrgs() {
  const people = Object.fromEntries(Array.from({ length: WRITERS }, (_, i) => [`m${i}`, 'MEMBER' as const]));
  const busy = await createOrg(t.database.db, { ada: 'ADMIN', ...people });
  const calm = await createOrg(t.database.db, { bob: 'ADMIN', carol: 'MEMBER', dan: 'MEMBER' });
  const [ada, bob] = [await t.signIn(busy.people.ada!.email), await t.signIn(calm.people.bob!.email)];
  const memberPaths = Object.keys(people).map((key) => `/api/orgs/${busy.id}/members/${busy.people[key]!.id}`);
  return { busy, calm, ada, bob, memberPaths };
}

describe('one busy organization', () => {
  it("keeps another org's reads fast while it takes forty concurrent writers", async () => {
    const { busy, calm, ada, bob, memberPaths } = await busyAndCalmOrgs();
    const calmList = `/api/orgs/${calm.id}/members?limit=50`;
    const [first, ...others] = memberPaths as [string, ...string[]];
    // Each alone, on this machine as it is now: what a read and a change cost without a crowd.
    const soloReads = await readMany(bob, calmList, 40, Infinity);
    const soloRead = median(soloReads);
    const soloWrite = median(await flipRoles(ada, first, countdown(6), true));

    let reading = true;
    const writers = others.map((path) => flipRoles(ada, path, () => !reading));
    await new Promise((resolve) => setTimeout(resolve, 200)); // the writers are at it
    const until = performance.now() + READ_FOR_MS;
    const latencies = (await Promise.all([0, 1].map(() => readMany(bob, calmList, SAMPLES / 2, until)))).flat();
    reading = false;
    const statuses = (await Promise.all(writers)).flat();

    // The busy org was slowed by its own queue only: some of its writes may have been told BUSY
    // (having changed nothing: the seq counts exactly the writes that answered 200).
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    const landed = statuses.filter((s) => s === 200).length;
    expect(landed).toBeGreaterThanOrEqual(others.length);
    expect(await headSeq(t.database.db, busy.id)).toBe(landed + 6);
    expect(latencies.length).toBeGreaterThanOrEqual(6);
    // PostgreSQL: other orgs read from connections the busy org can no longer hold, in well under
    // 200 ms. PGlite runs every query one at a time on this thread, so a read waits behind the
    // busy org's one request in flight at each of its ~8 queries: 200 ms is out of reach on a
    // loaded machine. Its bound is relative to what a read (at its p99) and a change cost alone,
    // right now, here: before the queues, a read under forty writers cost ten to thirty times a
    // lone one, growing with the number of writers; now a small multiple, whatever their number.
    // On PostgreSQL the bound is 200 ms, unless this machine is so loaded that a lone reader's own
    // p99 is already over half of that (then twice that p99): before the queues it was seconds.
    const bound = usingPostgres ? Math.max(200, 2 * p99(soloReads)) : Math.max(400, 4 * (p99(soloReads) + soloWrite));
    const context = `solo read ${soloRead} ms (p99 ${p99(soloReads)}), solo write ${soloWrite} ms, ${latencies.length} reads: ${latencies.map(Math.round).join(',')}`;
    expect(p99(latencies), context).toBeLessThan(bound);
  }, 120_000);

  it('refuses a change that waited too long for its turn with 503 BUSY and Retry-After, changing nothing', async () => {
    const impatient = await startTestServer({ database: t.database, orgQueueWaitMs: 1 });
    try {
      const people = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`m${i}`, 'MEMBER' as const]));
      const org = await createOrg(t.database.db, { ada: 'ADMIN', ...people });
      const ada = await impatient.signIn(org.people.ada!.email);
      const responses = await Promise.all(
        Object.keys(people).map((key) =>
          ada.patch(`/api/orgs/${org.id}/members/${org.people[key]!.id}`, { role: 'EXTERNAL', version: 1 }),
        ),
      );
      const refused = responses.filter((r) => r.status === 503);
      expect(refused.length).toBeGreaterThan(0);
      expect(refused[0]!.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await refusal(refused[0]!)).toEqual({ status: 503, code: 'BUSY' });
      const landed = responses.filter((r) => r.status === 200).length;
      expect(landed + refused.length).toBe(responses.length);
      expect(await headSeq(t.database.db, org.id)).toBe(landed);
    } finally {
      await impatient.close();
    }
  });
});

describe.runIf(usingPostgres)('a change waiting on a row lock another process holds', () => {
  it('is answered 503 BUSY once the request timeout passes, and rolled back by lock_timeout', async () => {
    const hurried = await startTestServer({ database: t.database, requestTimeoutMs: 1_000 });
    try {
      const org = await createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER' });
      const ada = await hurried.signIn(org.people.ada!.email);
      const path = `/api/orgs/${org.id}/members/${org.people.linus!.id}`;
      const started = performance.now();
      const response = await t.database.db.transaction().execute(async (tx) => {
        // "Another process" holds the org's row lock longer than the request may wait.
        await sql`select id from organizations where id = ${org.id} for update`.execute(tx);
        return ada.patch(path, { role: 'EXTERNAL', version: 1 });
      });
      expect(performance.now() - started).toBeLessThan(4_000);
      expect(await refusal(response)).toEqual({ status: 503, code: 'BUSY' });
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
      // The abandoned change gives up at lock_timeout instead of holding its connection for ever.
      await new Promise((resolve) => setTimeout(resolve, 5_500));
      expect(await headSeq(t.database.db, org.id)).toBe(0);
      expect((await ada.patch(path, { role: 'EXTERNAL', version: 1 })).status).toBe(200);
    } finally {
      await hurried.close();
    }
  }, 30_000);

  it('is answered 503 BUSY when lock_timeout ends the wait', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER' });
    const ada = await t.signIn(org.people.ada!.email);
    const response = await t.database.db.transaction().execute(async (tx) => {
      await sql`select id from organizations where id = ${org.id} for update`.execute(tx);
      return ada.patch(`/api/orgs/${org.id}/members/${org.people.linus!.id}`, { role: 'EXTERNAL', version: 1 });
    });
    expect(await refusal(response)).toEqual({ status: 503, code: 'BUSY' });
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await headSeq(t.database.db, org.id)).toBe(0);
  }, 30_000);
});
