import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * Invitations, their workspace grants, the mail outbox, the dev mailbox and idempotency keys.
 * Tokens are never stored: only their sha256 (ADR 0005).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await createInvitations(db);
  await createOutbox(db);
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('response', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['org_id', 'actor_id', 'key'])
    .execute();
  // Invitees are found by address, whatever its case.
  await sql`create index users_email_lower_idx on users (lower(email))`.execute(db);
}

async function createInvitations(db: Kysely<any>) {
  await db.schema
    .createTable('invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('email_lower', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('ADMIN', 'MEMBER', 'EXTERNAL')`))
    .addColumn('lite', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(sql`status in ('requested', 'pending', 'expired', 'accepted', 'revoked', 'declined', 'rejected')`),
    )
    .addColumn('token_hash', 'text')
    .addColumn('invited_by', 'text', (c) => c.notNull())
    .addColumn('invited_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('changed_by', 'text')
    .addColumn('changed_by_name', 'text')
    .addColumn('changed_at', 'timestamptz')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('delivery_state', 'text', (c) => c.check(sql`delivery_state in ('queued', 'sent', 'failed')`))
    .addColumn('delivery_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('delivery_error', 'text')
    .addColumn('last_sent_at', 'timestamptz')
    .addColumn('outbox_id', 'text')
    .execute();
  // R4 under races, on top of the org lock: one live invitation per (org, address).
  await sql`
    create unique index invitations_live_email_idx on invitations (org_id, email_lower)
    where status in ('requested', 'pending')`.execute(db);
  await sql`create unique index invitations_token_hash_idx on invitations (token_hash) where token_hash is not null`.execute(
    db,
  );
  await sql`create index invitations_org_created_idx on invitations (org_id, created_at, id)`.execute(db);
  await sql`create index invitations_email_idx on invitations (email_lower, status)`.execute(db);
  await sql`create index invitations_pending_expiry_idx on invitations (expires_at) where status = 'pending'`.execute(
    db,
  );
  await sql`create index invitations_email_trgm_idx on invitations using gin (email_lower gin_trgm_ops)`.execute(db);

  await db.schema
    .createTable('invitation_workspaces')
    .addColumn('invitation_id', 'text', (c) => c.notNull().references('invitations.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('OWNER', 'MEMBER', 'VIEWER')`))
    .addPrimaryKeyConstraint('invitation_workspaces_pk', ['invitation_id', 'workspace_id'])
    .execute();
}

async function createOutbox(db: Kysely<any>) {
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('invitation_id', 'text', (c) => c.references('invitations.id').onDelete('cascade'))
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('queued', 'sent', 'failed', 'cancelled')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`create index outbox_due_idx on outbox (next_attempt_at) where state = 'queued'`.execute(db);

  await db.schema
    .createTable('dev_mailbox')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('to', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are forward-only'));
}
