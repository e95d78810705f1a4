import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createOrg } from './factories.ts';
import { headSeq, refusal } from './invitation-helpers.ts';
import { startTestServer, type ApiClient, type TestServer } from './test-server.ts';
import { usingPostgres } from './test-database.ts';

const WRITERS = 40;
/** Reads of the calm org made while the busy org's writers are at it. */
const READS = 60;
/**
 * How many busy-org changes one calm read may see answered while it is in flight: it waits for at
 * most the busy org's one change in flight at each of its few queries. Without the org queues it
 * is every writer (40 to 60 here), with them 0 or 1.
 */
const MAX_OVERTAKEN = 8;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

/** One writer: flips one member's role back and forth until told to stop; each answer's status. */
async function flipRoles(admin: ApiClient, path: string, done: () => boolean, onAnswer: () => void) {
  const results: number[] = [];
  let version = 1;
  while (!done()) {
    const role = version % 2 === 1 ? 'EXTERNAL' : 'MEMBER';
    const response = await admin.patch(path, { role, version });
    onAnswer();
    results.push(response.status);
    if (response.status === 200) version += 1;
    // Told BUSY: come back when asked to, as clients do.
    const retryAfter = Number(response.headers.get('retry-after') ?? 0);
    if (response.status === 503) await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
  }
  return results;
}

async function busyAndCalmOrgs() {
  const people = Object.fromEntries(Array.from({ length: WRITERS }, (_, i) => [`m${i}`, 'MEMBER' as const]));
  const busy = await createOrg(t.database.db, { ada: 'ADMIN', ...people });
  const calm = await createOrg(t.database.db, { bob: 'ADMIN', carol: 'MEMBER', dan: 'MEMBER' });
  const [ada, bob] = [await t.signIn(busy.people.ada!.email), await t.signIn(calm.people.bob!.email)];
  const memberPaths = Object.keys(people).map((key) => `/api/orgs/${busy.id}/members/${busy.people[key]!.id}`);
  return { busy, calm, ada, bob, memberPaths };
}

describe('one busy organization', () => {
  it("does not make another org's reads wait behind forty concurrent writers", async () => {
    const { busy, calm, ada, bob, memberPaths } = await busyAndCalmOrgs();
    const calmList = `/api/orgs/${calm.id}/members?limit=50`;
    let answered = 0;
    let reading = true;
    const writers = memberPaths.map((path) =>
      flipRoles(
        ada,
        path,
        () => !reading,
        () => (answered += 1),
      ),
    );
    while (answered < WRITERS) await new Promise((resolve) => setTimeout(resolve, 10)); // the writers are at it

    // Counted, not timed: how many of the busy org's changes were answered while one read of the
    // calm org was in flight. A read that queues behind the busy org's crowd (for connections, or
    // for PGlite's one connection) sees dozens of them go by; one that waits for at most the
    // busy org's one change in flight at each of its few queries sees a handful, however loaded
    // the machine is.
    const overtakenBy: number[] = [];
    for (let i = 0; i < READS; i += 1) {
      const before = answered;
      expect((await bob.get(calmList)).status).toBe(200);
      overtakenBy.push(answered - before);
    }
    reading = false;
    const statuses = (await Promise.all(writers)).flat();

    // The busy org was slowed by its own queue only: some of its writes may have been told BUSY
    // (having changed nothing: the seq counts exactly the writes that answered 200).
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    const landed = statuses.filter((s) => s === 200).length;
    expect(landed).toBeGreaterThanOrEqual(WRITERS);
    expect(await headSeq(t.database.db, busy.id)).toBe(landed);
    const worst = Math.max(...overtakenBy);
    expect(worst, `changes answered during each read: ${overtakenBy.join(',')}`).toBeLessThanOrEqual(MAX_OVERTAKEN);
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
