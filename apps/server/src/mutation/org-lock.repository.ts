import { sql, type Kysely, type Transaction } from 'kysely';
import { OrgSettingsSchema, type OrgSettings } from '@roster/contracts';
import type { Database } from '../db/schema.ts';
import { jsonb } from '../db/json.ts';
import type { NewEvent } from '../db/schema.ts';

export interface LockedOrg {
  id: string;
  createdBy: string;
  settings: OrgSettings;
  eventSeq: number;
  status: 'active' | 'pending_deletion';
}

/**
 * Locks the organization row for the rest of the transaction. Every change to an org takes
 * this one lock first, so its invariants are checked against a state nobody else is changing.
 */
export async function lockOrganization(tx: Transaction<Database>, orgId: string): Promise<LockedOrg | null> {
  const row = await tx
    .selectFrom('organizations')
    .select(['id', 'created_by', 'settings', 'event_seq', 'status'])
    .where('id', '=', orgId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    createdBy: row.created_by,
    settings: OrgSettingsSchema.parse(row.settings),
    eventSeq: row.event_seq,
    status: row.status,
  };
}

export async function advanceEventSeq(tx: Transaction<Database>, orgId: string, seq: number): Promise<void> {
  await tx.updateTable('organizations').set({ event_seq: seq }).where('id', '=', orgId).execute();
}

export async function appendEvent(
  tx: Transaction<Database>,
  event: Omit<NewEvent, 'before' | 'after' | 'data'> & { before: unknown; after: unknown; data: unknown },
): Promise<void> {
  await tx
    .insertInto('events')
    .values({
      ...event,
      before: event.before === null ? null : jsonb(event.before),
      after: event.after === null ? null : jsonb(event.after),
      data: jsonb(event.data),
    })
    .execute();
}

/** A denied attempt is audited outside the (rolled back) change, without a seq. */
export async function appendDeniedAttempt(
  db: Kysely<Database>,
  row: {
    orgId: string;
    actorId: string;
    actorName: string;
    action: string;
    targetId: string | null;
    code: string;
    at: Date;
    request: { actor_email: string | null; request_id: string | null; ip: string | null; user_agent: string | null };
  },
): Promise<void> {
  const { request } = row;
  await db
    .insertInto('events')
    .columns([
      'org_id',
      'seq',
      'type',
      'actor_id',
      'actor_name',
      'target_id',
      'before',
      'after',
      'data',
      'at',
      'actor_email',
      'request_id',
      'ip',
      'user_agent',
    ])
    .expression((eb) =>
      eb
        .selectFrom('organizations')
        .select([
          'id',
          sql<null>`null`.as('seq'),
          sql<string>`${'access.denied'}`.as('type'),
          sql<string>`${row.actorId}`.as('actor_id'),
          sql<string>`${row.actorName}`.as('actor_name'),
          sql<string | null>`${row.targetId}`.as('target_id'),
          sql<null>`null`.as('before'),
          sql<null>`null`.as('after'),
          jsonb({ action: row.action, code: row.code }).as('data'),
          sql<Date>`cast(${row.at.toISOString()} as timestamptz)`.as('at'),
          sql<string | null>`${request.actor_email}`.as('actor_email'),
          sql<string | null>`${request.request_id}`.as('request_id'),
          sql<string | null>`${request.ip}`.as('ip'),
          sql<string | null>`${request.user_agent}`.as('user_agent'),
        ])
        .where('id', '=', row.orgId),
    )
    .execute();
}
