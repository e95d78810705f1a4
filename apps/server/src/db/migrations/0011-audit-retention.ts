import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * The audit log stays append-only, with two ways out, each named inside its own transaction:
 * the purge of a deleted org (`roster.purging_org`, ADR 20) and the retention job, which may
 * delete one org's entries older than a cutoff (`roster.retention_org`, `roster.retention_before`).
 * Nothing may ever update an entry.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function events_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and current_setting('roster.purging_org', true) = old.org_id then
        return old;
      end if;
      if tg_op = 'DELETE'
        and current_setting('roster.retention_org', true) = old.org_id
        and old.at < nullif(current_setting('roster.retention_before', true), '')::timestamptz then
        return old;
      end if;
      raise exception 'events is append-only';
    end $$`.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are forward-only'));
}
