import { sql } from 'kysely';
import type { Db } from './connect.ts';

const SAVED = 'restore_point';

/**
 * Copies every table (and each sequence's position) into a schema of its own and returns a
 * restore that puts exactly those rows back in one transaction: a test can start each case from
 * the same data in milliseconds instead of migrating and seeding again. Triggers and foreign keys
 * are off while the rows go back (session_replication_role), so the member-count trigger does not
 * count restored rows twice and tables may be filled in any order. For tests and mock mode's
 * parity suite; nothing in the app calls it.
 */
export async function createRestorePoint(db: Db): Promise<() => Promise<void>> {
  const { rows: tables } = await sql<{ name: string }>`
    select quote_ident(tablename) as name from pg_tables where schemaname = 'public' order by tablename
  `.execute(db);
  const { rows: sequences } = await sql<{ name: string; value: string | null }>`
    select quote_ident(sequencename) as name, last_value::text as value from pg_sequences where schemaname = 'public'
  `.execute(db);
  const names = tables.map((t) => t.name);
  await db.transaction().execute(async (tx) => {
    await sql.raw(`drop schema if exists ${SAVED} cascade`).execute(tx);
    await sql.raw(`create schema ${SAVED}`).execute(tx);
    for (const name of names) await sql.raw(`create table ${SAVED}.${name} as table public.${name}`).execute(tx);
  });
  const restore = [
    'set local session_replication_role = replica',
    `truncate ${names.map((name) => `public.${name}`).join(', ')}`,
    ...names.map((name) => `insert into public.${name} select * from ${SAVED}.${name}`),
    ...sequences.map(({ name, value }) =>
      value === null ? `select setval('public.${name}', 1, false)` : `select setval('public.${name}', ${value}, true)`,
    ),
  ];
  return () =>
    db.transaction().execute(async (tx) => {
      for (const statement of restore) await sql.raw(statement).execute(tx);
    });
}
