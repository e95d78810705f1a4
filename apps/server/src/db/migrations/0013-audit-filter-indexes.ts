import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * A time window (`from` and `to`) asks for entries by `at` while pages run by id: the window's
 * newest id, read from (org_id, at, id) alone, is where the walk down the ids starts, instead of
 * stepping over every newer entry first.
 *
 * The audit log's free-text search (`q`) reads each entry's actor name and JSON. Over a large log
 * a search that matches few entries walked every entry of the org; a trigram index over that
 * text, all of it in one expression, finds them directly (pg_trgm is there since 0001, PGlite
 * loads it too). The expression must stay exactly as the search writes it (audit.repository.ts),
 * or the planner cannot use the index. ADR 23.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Over a large log the trigram index takes longer than the server's bound on one statement
  // (about 80 s for a million entries); this migration's transaction lifts it for itself.
  await sql`set local statement_timeout = 0`.execute(db);
  await sql`create index events_org_at_idx on events (org_id, at, id)`.execute(db);
  await sql`
    create index events_text_trgm_idx on events using gin (
      (actor_name || ' ' || cast(data as text) || ' ' || coalesce(cast(before as text), '') || ' ' ||
       coalesce(cast(after as text), '')) gin_trgm_ops)`.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are forward-only'));
}
