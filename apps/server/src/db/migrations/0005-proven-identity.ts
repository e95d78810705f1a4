import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * Proven identity (ADR 0007): a version on accounts (display names are versioned changes),
 * two-factor sign-in, and the shared store of the sign-in rate limits. Accounts that already
 * belong to an organization are marked verified; every other account proves its address at
 * its next sign-in.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('two_factor_enabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await db.schema
    .createTable('two_factors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('backup_codes', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('verified', 'boolean', (c) => c.defaultTo(true))
    .addColumn('failed_verification_count', 'integer', (c) => c.defaultTo(0))
    .addColumn('locked_until', 'timestamptz')
    .execute();
  await db.schema.createIndex('two_factors_user_id_idx').on('two_factors').column('user_id').execute();
  await db.schema.createIndex('two_factors_secret_idx').on('two_factors').column('secret').execute();
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limits_expires_at_idx').on('rate_limits').column('expires_at').execute();
  // Someone in an org got there through an invitation an admin sent to that address, or created
  // it; everyone else signed up with an address nobody checked.
  await sql`
    update users set email_verified = true
    where exists (select 1 from org_members m where m.user_id = users.id)`.execute(db);
  // One account per address whatever its case (the library lowercases; this holds for every writer).
  await sql`drop index users_email_lower_idx`.execute(db);
  await sql`create unique index users_email_lower_idx on users (lower(email))`.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are forward-only'));
}
