import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * Deleting an organization is two steps (ADR 20): the creator's delete marks it
 * `pending_deletion` with a `purge_after` time, and everyone but the creator loses it at once;
 * the purge job removes its rows after that time and keeps one tombstone, so "what happened to
 * Acme" still has an answer once its own audit log is gone.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('organizations')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('active')
        .check(sql`status in ('active', 'pending_deletion')`),
    )
    .addColumn('purge_after', 'timestamptz')
    .execute();
  await sql`create index organizations_purge_idx on organizations (purge_after) where status = 'pending_deletion'`.execute(
    db,
  );
  await db.schema
    .createTable('org_tombstones')
    .addColumn('org_id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('deleted_by', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('purged_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .execute();
  // The log stays append-only; only the purge, which says so inside its own transaction, may
  // delete an org's rows with it. Nothing may ever update them.
  await sql`
    create or replace function events_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and current_setting('roster.purging_org', true) = old.org_id then
        return old;
      end if;
      raise exception 'events is append-only';
    end $$`.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are forward-only'));
}
