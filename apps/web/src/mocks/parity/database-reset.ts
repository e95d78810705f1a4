import type { Db } from '../../../../server/src/db/connect.ts';

const SNAPSHOT_SCHEMA = 'parity_snapshot';
type CompiledQuery = Parameters<Db['executeQuery']>[0];

/** A statement as it is, for the database driver (the web app does not depend on the query builder). */
function raw(text: string): CompiledQuery {
  return {
    sql: text,
    parameters: [],
    query: { kind: 'RawNode', sqlFragments: [text], parameters: [] },
    queryId: { queryId: 'parity' },
  } as unknown as CompiledQuery;
}

async function rows<T>(db: Db, text: string): Promise<T[]> {
  return (await db.executeQuery(raw(text))).rows as T[];
}

/**
 * Copies every table of the seeded database aside (and its sequences' positions), and returns
 * a restore that puts exactly those rows back in one transaction: each case then starts from
 * the same data in milliseconds, instead of migrating and seeding again. Triggers and foreign
 * keys are off while the rows go back (session_replication_role), so the member-count trigger
 * does not count the restored rows twice and the tables may be filled in any order.
 */
export async function snapshotDatabase(db: Db): Promise<() => Promise<void>> {
  const tables = await rows<{ name: string }>(
    db,
    `select quote_ident(tablename) as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const sequences = await rows<{ name: string; value: string | null }>(
    db,
    `select quote_ident(sequencename) as name, last_value::text as value from pg_sequences where schemaname = 'public'`,
  );
  const names = tables.map((t) => t.name);
  await db.transaction().execute(async (tx) => {
    await tx.executeQuery(raw(`drop schema if exists ${SNAPSHOT_SCHEMA} cascade`));
    await tx.executeQuery(raw(`create schema ${SNAPSHOT_SCHEMA}`));
    for (const name of names)
      await tx.executeQuery(raw(`create table ${SNAPSHOT_SCHEMA}.${name} as table public.${name}`));
  });
  const restore = [
    'set local session_replication_role = replica',
    `truncate ${names.map((name) => `public.${name}`).join(', ')}`,
    ...names.map((name) => `insert into public.${name} select * from ${SNAPSHOT_SCHEMA}.${name}`),
    ...sequences.map(({ name, value }) =>
      value === null ? `select setval('public.${name}', 1, false)` : `select setval('public.${name}', ${value}, true)`,
    ),
  ];
  return () =>
    db.transaction().execute(async (tx) => {
      for (const statement of restore) await tx.executeQuery(raw(statement));
    });
}
