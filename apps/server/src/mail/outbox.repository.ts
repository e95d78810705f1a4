import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { jsonb } from '../db/json.ts';

type Db = Kysely<Database>;

export interface OutboxRow {
  id: string;
  kind: string;
  invitationId: string | null;
  payload: Record<string, unknown>;
  attempts: number;
}

/** Queued inside the change's own transaction: the mail exists exactly when the change committed. */
export async function enqueueOutbox(
  tx: Db,
  row: { id: string; kind: string; invitationId: string | null; payload: Record<string, unknown>; at: Date },
): Promise<void> {
  await tx
    .insertInto('outbox')
    .values({
      id: row.id,
      kind: row.kind,
      invitation_id: row.invitationId,
      payload: jsonb(row.payload),
      state: 'queued',
      next_attempt_at: row.at,
      created_at: row.at,
    })
    .execute();
}

/** A new link makes queued mails with the old one pointless. */
export async function cancelQueuedOutbox(tx: Db, invitationId: string): Promise<void> {
  await tx
    .updateTable('outbox')
    .set({ state: 'cancelled', payload: sql`payload - 'sealedToken'` })
    .where('invitation_id', '=', invitationId)
    .where('state', '=', 'queued')
    .execute();
}

/**
 * Claims due mails: each claim counts an attempt and leases the row until `leaseUntil`, so a
 * second worker (another process) does not send it too, and a crash mid-send retries later.
 */
export async function claimDueOutbox(db: Db, now: Date, leaseUntil: Date, limit: number): Promise<OutboxRow[]> {
  const due = await db
    .selectFrom('outbox')
    .select('id')
    .where('state', '=', 'queued')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
  const claimed: OutboxRow[] = [];
  for (const { id } of due) {
    const row = await db
      .updateTable('outbox')
      .set({ attempts: sql`attempts + 1`, next_attempt_at: leaseUntil })
      .where('id', '=', id)
      .where('state', '=', 'queued')
      .where('next_attempt_at', '<=', now)
      .returning(['id', 'kind', 'invitation_id', 'payload', 'attempts'])
      .executeTakeFirst();
    if (row) claimed.push({ ...row, invitationId: row.invitation_id });
  }
  return claimed;
}

export async function markOutboxSent(db: Db, id: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ state: 'sent', last_error: null, payload: sql`payload - 'sealedToken'` })
    .where('id', '=', id)
    .where('state', '=', 'queued')
    .execute();
}

export async function markOutboxRetry(db: Db, id: string, nextAttemptAt: Date, error: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ next_attempt_at: nextAttemptAt, last_error: error })
    .where('id', '=', id)
    .where('state', '=', 'queued')
    .execute();
}

export async function markOutboxFailed(db: Db, id: string, error: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ state: 'failed', last_error: error, payload: sql`payload - 'sealedToken'` })
    .where('id', '=', id)
    .where('state', '=', 'queued')
    .execute();
}
