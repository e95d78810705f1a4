import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * A copied invitation link lives beside the mailed one: "copy link" no longer kills the link in
 * the invitee's inbox. Only the hash is stored, like the mailed token's.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('invitations').addColumn('link_token_hash', 'text').execute();
  await sql`create unique index invitations_link_token_hash_idx on invitations (link_token_hash) where link_token_hash is not null`.execute(
    db,
  );
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are forward-only'));
}
