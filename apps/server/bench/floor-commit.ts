import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Db } from '../src/db/connect.ts';

/** Rows the floors update; eight so eight concurrent clients each have their own. */
export const FLOOR_ROWS = 8;

/** Two bare tables beside the app's, in the same database the bench runs on. */
export async function createFloorTables(db: Db) {
  await sql`create table if not exists bench_floor_rows (id int primary key, role text not null, version int not null)`.execute(
    db,
  );
  await sql`create table if not exists bench_floor_audit (id bigserial primary key, row_id int not null, payload jsonb not null, at timestamptz not null default now())`.execute(
    db,
  );
  await sql`insert into bench_floor_rows (id, role, version) select i, 'MEMBER', 1 from generate_series(1, ${FLOOR_ROWS}::int) i on conflict do nothing`.execute(
    db,
  );
}

/**
 * What a role change cannot do without: one transaction that updates one row and inserts one
 * audit-like row, through the same driver the app uses.
 */
export async function commitFloorOnce(db: Db, rowId: number, role: string) {
  await db.transaction().execute(async (tx) => {
    await sql`update bench_floor_rows set role = ${role}, version = version + 1 where id = ${rowId}`.execute(tx);
    await sql`insert into bench_floor_audit (row_id, payload) values (${rowId}, ${JSON.stringify({ role, by: 'floor' })}::jsonb)`.execute(
      tx,
    );
  });
}

/** Milliseconds per commit of the floor, `samples` times after a few warm-ups. */
export async function measureCommitFloor(db: Db, samples: number): Promise<number[]> {
  for (let i = 0; i < 10; i++) await commitFloorOnce(db, 1, i % 2 ? 'MEMBER' : 'EXTERNAL');
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await commitFloorOnce(db, 1, i % 2 ? 'MEMBER' : 'EXTERNAL');
    times.push(performance.now() - started);
  }
  return times;
}
