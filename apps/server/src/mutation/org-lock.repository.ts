import { sql, type Kysely, type QueryCreator, type Transaction } from 'kysely';
import { OrgSettingsSchema, type OrgSettings } from '@roster/contracts';
import type { Database } from '../db/schema.ts';
import { jsonb } from '../db/json.ts';
import type { NewEvent } from '../db/schema.ts';
import { webhookOutboxPlan } from '../modules/webhooks/webhooks.repository.ts';

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

type EventRow = Omit<NewEvent, 'before' | 'after' | 'data'> & { before: unknown; after: unknown; data: unknown };

function eventValues(event: EventRow) {
  return {
    ...event,
    before: event.before === null ? null : jsonb(event.before),
    after: event.after === null ? null : jsonb(event.after),
    data: jsonb(event.data),
  };
}

export async function appendEvent(tx: Transaction<Database>, event: EventRow): Promise<void> {
  await tx.insertInto('events').values(eventValues(event)).execute();
}

/**
 * Appends an event of a locked org and moves the org's head seq to it, in one statement: the
 * lock is held, so the two cannot part, and the critical section is one round trip shorter.
 * An event that webhooks can subscribe to also writes, in that same statement, one outbox row
 * per enabled endpoint of the org that hears of it (ADR 33): a rolled-back change delivers
 * nothing, and an org without webhooks pays no extra round trip.
 */
export async function appendEventAtHead(tx: Transaction<Database>, event: EventRow & { seq: number }): Promise<void> {
  const head = (db: QueryCreator<Database>) =>
    db.updateTable('organizations').set({ event_seq: event.seq }).where('id', '=', event.org_id);
  const plan = webhookOutboxPlan({
    seq: event.seq,
    type: event.type,
    at: new Date(event.at!),
    actor: { id: event.actor_id, name: event.actor_name },
    targetId: event.target_id ?? null,
    before: event.before,
    after: event.after,
    data: event.data,
  });
  if (!plan) {
    await tx.with('head', head).insertInto('events').values(eventValues(event)).execute();
    return;
  }
  const at = new Date(event.at!).toISOString();
  await tx
    .with('head', head)
    .with('entry', (db) => db.insertInto('events').values(eventValues(event)).returning('id'))
    .insertInto('webhook_deliveries')
    .columns(['id', 'endpoint_id', 'org_id', 'seq', 'event_type', 'payload', 'next_attempt_at', 'created_at'])
    .expression((eb) =>
      eb
        .selectFrom('webhook_endpoints as e')
        .crossJoin('entry')
        .select([
          // Also the `webhook-id` of every attempt.
          sql<string>`'msg_' || replace(gen_random_uuid()::text, '-', '')`.as('id'),
          'e.id as endpoint_id',
          'e.org_id',
          sql<number>`${event.seq}::int`.as('seq'),
          sql<string>`${plan.type}::text`.as('event_type'),
          sql<Record<string, unknown>>`jsonb_set(${jsonb(plan.payload)}, '{data,id}', to_jsonb(entry.id::text))`.as(
            'payload',
          ),
          sql<Date>`cast(${at} as timestamptz)`.as('next_attempt_at'),
          sql<Date>`cast(${at} as timestamptz)`.as('created_at'),
        ])
        .where('e.org_id', '=', event.org_id)
        .where('e.enabled', '=', true)
        .where(sql<boolean>`e.events ?| array[${sql.join(plan.subscriptions)}]::text[]`),
    )
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
