import type { InProcessApp } from '../../../../server/src/in-process-app.ts';

type PGlite = InProcessApp['pglite'];

export interface TableRows {
  tables: { name: string; rows: string }[];
  sequences: { name: string; value: string; called: boolean }[];
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Every row of every table, as JSON, once per test file: restoring them is much cheaper than
 * starting a fresh database from the snapshot for each test.
 */
export async function captureRows(pglite: PGlite): Promise<TableRows> {
  const names = await pglite.query<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const tables = [];
  for (const { name } of names.rows) {
    const { rows } = await pglite.query<{ rows: string | null }>(
      `select json_agg(t)::text as rows from ${quoted(name)} t`,
    );
    tables.push({ name, rows: rows[0]?.rows ?? '[]' });
  }
  const { rows: sequences } = await pglite.query<{ name: string; value: string | null; called: boolean }>(
    `select sequencename as name, coalesce(last_value, start_value)::text as value, last_value is not null as called
     from pg_sequences where schemaname = 'public'`,
  );
  return { tables, sequences: sequences.map((s) => ({ name: s.name, value: s.value ?? '1', called: s.called })) };
}

/** One transaction: empty every table, put the captured rows back (foreign keys off meanwhile). */
export async function restoreRows(pglite: PGlite, captured: TableRows): Promise<void> {
  await pglite.transaction(async (tx) => {
    await tx.exec(`set local session_replication_role = replica`);
    await tx.exec(`truncate ${captured.tables.map((t) => quoted(t.name)).join(', ')}`);
    for (const { name, rows } of captured.tables) {
      if (rows === '[]') continue;
      await tx.query(
        `insert into ${quoted(name)} select * from json_populate_recordset(null::${quoted(name)}, $1::json)`,
        [rows],
      );
    }
    for (const { name, value, called } of captured.sequences) {
      await tx.query(`select setval($1, $2::bigint, $3)`, [name, value, called]);
    }
  });
}
