import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * The audit log reads an org's entries newest first, by id, optionally narrowed to one actor
 * or to event types (exact or by prefix); each filter walks its own index in id order, so a
 * page stops after `limit` rows however long the log. (org_id, target_id, id) exists since 0001.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index events_org_id_idx on events (org_id, id desc)`.execute(db);
  await sql`create index events_org_actor_idx on events (org_id, actor_id, id)`.execute(db);
  // text_pattern_ops lets `type like 'member.%'` use the index whatever the collation.
  await sql`create index events_org_type_idx on events (org_id, type text_pattern_ops, id)`.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are forward-only'));
}
