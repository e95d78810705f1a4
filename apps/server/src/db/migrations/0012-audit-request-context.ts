import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * Each audit entry keeps where the change came from (the request's id, the client's address and
 * user agent, the actor's address at the time), and changes that undid an earlier one are found
 * by the `seq` they name, so a page of the log says who reverted each entry in one indexed read.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('events')
    .addColumn('actor_email', 'text')
    .addColumn('request_id', 'text')
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await sql`
    create index events_revert_of_idx on events (org_id, ((data ->> 'revertOf')::int))
    where data ? 'revertOf'`.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are forward-only'));
}
