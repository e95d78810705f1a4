import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * A renamed organization's old slug keeps leading to it for a while, so shared links and open
 * tabs find it; until `expires_at` no other org can take that slug. A slug is held by at most
 * one org at a time (its primary key).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('org_slug_redirects')
    .addColumn('slug', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`create index org_slug_redirects_org_idx on org_slug_redirects (org_id)`.execute(db);
  // MAX_ORGS_PER_USER counts the orgs a person created: one index lookup, not a scan.
  await sql`create index organizations_created_by_idx on organizations (created_by)`.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are forward-only'));
}
