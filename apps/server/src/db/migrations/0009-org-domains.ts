import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * Mail domains an org claims (R21). A domain is `pending` until someone opens the link mailed
 * to an address there, then `verified`; only one org can hold a domain verified. Only the
 * verification token's hash is kept.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('org_domains')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'verified')`))
    .addColumn('enrollment', 'text', (c) =>
      c
        .notNull()
        .defaultTo('off')
        .check(sql`enrollment in ('off', 'suggest', 'request')`),
    )
    .addColumn('verify_email', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text')
    .addColumn('token_expires_at', 'timestamptz')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('verified_at', 'timestamptz')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await sql`create unique index org_domains_org_domain_idx on org_domains (org_id, domain)`.execute(db);
  await sql`create unique index org_domains_verified_idx on org_domains (domain) where status = 'verified'`.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are forward-only'));
}
