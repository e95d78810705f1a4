import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * A members search for an address (`ada@acme.test`, or as much of it as `ada@ac`) reads the
 * members whose local part ends with the term's: an address holds one '@', so only those can
 * contain it. The trigram index over addresses cannot answer that quickly, since every address
 * of an org shares its domain's trigrams. The expression must stay exactly as the search writes
 * it (members.repository.ts). ADR 26.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index org_members_local_part_idx
    on org_members (org_id, reverse(split_part(lower(email), '@', 1)) text_pattern_ops)`.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are forward-only'));
}
