import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * Remembers that an invitation began as a member's request, and the admin's decision on it.
 * `decided_by`/`decided_at` cannot hold it: accept, decline and revoke overwrite them later,
 * while the requester must still see who approved or rejected their request (ADR 0005).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('invitations')
    .addColumn('was_requested', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('request_outcome', 'text', (c) => c.check(sql`request_outcome in ('approved', 'rejected')`))
    .addColumn('request_decided_by', 'text')
    .addColumn('request_decided_by_name', 'text')
    .addColumn('request_decided_at', 'timestamptz')
    .addColumn('request_reason', 'text')
    .execute();
  // Before this migration only requests could be in these states.
  await sql`update invitations set was_requested = true where status in ('requested', 'rejected')`.execute(db);
  // A member's own requests, newest first.
  await sql`
    create index invitations_requester_idx on invitations (invited_by, created_at desc)
    where was_requested`.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are forward-only'));
}
