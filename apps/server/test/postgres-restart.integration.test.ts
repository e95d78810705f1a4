import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { connectDatabase } from '../src/db/connect.ts';
import { waitFor } from './processes.ts';
import { privateServersRun, startPrivatePostgres } from './private-postgres.ts';

// A PostgreSQL restart fails the transactions it cuts off, and nothing else: the process lives
// on and the pool serves again at once. Unpatched, the driver threw from a timer (killing the
// process) and then handed the dead connections to every later query (ADR 0010).
const { skip, missing } = privateServersRun('PostgreSQL restart test');

describe.skipIf(skip)('a PostgreSQL restart in the middle of transactions', () => {
  it('fails them, crashes nothing, and the pool serves again', { timeout: 60_000 }, async () => {
    if (missing) throw new Error(`needs PostgreSQL binaries: ${missing}`);
    const pg = await startPrivatePostgres();
    const database = await connectDatabase({ url: pg.url });
    const db = database.db;
    try {
      await sql`select 1`.execute(db);
      const cutOff = Array.from({ length: 4 }, () =>
        db.transaction().execute(async (tx) => {
          await sql`select 1`.execute(tx);
          await sql`select pg_sleep(5), ${1}::int`.execute(tx);
        }),
      );
      const settled = Promise.allSettled(cutOff);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await pg.restart();
      // Bounded, so the private server is stopped below even when the driver hangs them.
      const outcome = await Promise.race([
        settled,
        new Promise((resolve) => setTimeout(() => resolve('hung'), 15_000)),
      ]);
      expect(outcome === 'hung' ? outcome : (outcome as PromiseSettledResult<void>[]).map((r) => r.status)).toEqual([
        'rejected',
        'rejected',
        'rejected',
        'rejected',
      ]);
      const serves = () =>
        Promise.all(Array.from({ length: 8 }, () => sql`select 1`.execute(db))).then(
          () => true,
          () => false,
        );
      // Idle connections learn of the restart on their next query; within moments all serve.
      await waitFor(serves, 2_000, () => 'the pool still fails queries 2 s after the restart');
      for (let i = 0; i < 5; i++) expect(await serves()).toBe(true);
    } finally {
      await Promise.race([
        database.close().catch(() => undefined),
        new Promise((resolve) => setTimeout(resolve, 5_000)),
      ]);
      await pg.stop();
    }
  });
});
