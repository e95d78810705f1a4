import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  subscriptionsHearing,
  webhookTypeOf,
  type WebhookEventType,
  type WebhookDeliveryAttempt,
  type WebhookEndpoint,
  type WebhookPayload,
  type WebhookSubscription,
} from '@roster/contracts';
import type { Database } from '../../db/schema.ts';
import { jsonb } from '../../db/json.ts';
import { auditTarget } from '../audit/audit-entry.ts';

type Db = Kysely<Database>;

export interface WebhookEndpointRow extends WebhookEndpoint {
  orgId: string;
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
}

const iso = (value: Date | string) => new Date(value).toISOString();

/** The endpoints with their last attempt (one index probe each). */
function endpointQuery(db: Db) {
  return db
    .selectFrom('webhook_endpoints as e')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('webhook_attempts as a')
          .select(['a.at', 'a.status', 'a.http_status'])
          .whereRef('a.endpoint_id', '=', 'e.id')
          .orderBy('a.id', 'desc')
          .limit(1)
          .as('last'),
      (join) => join.onTrue(),
    )
    .select([
      'e.id',
      'e.org_id',
      'e.url',
      'e.events',
      'e.description',
      'e.enabled',
      'e.disabled_reason',
      'e.secret',
      'e.previous_secret',
      'e.previous_secret_expires_at',
      'e.created_at',
      'e.version',
      'last.at as last_at',
      'last.status as last_status',
      'last.http_status as last_http_status',
    ]);
}

type EndpointSelect = Awaited<ReturnType<ReturnType<typeof endpointQuery>['executeTakeFirstOrThrow']>>;

function toEndpoint(row: EndpointSelect): WebhookEndpointRow {
  return {
    id: row.id,
    orgId: row.org_id,
    url: row.url,
    events: row.events as WebhookSubscription[],
    description: row.description,
    enabled: row.enabled,
    disabledReason: row.disabled_reason,
    createdAt: iso(row.created_at),
    version: row.version,
    lastDelivery:
      row.last_at === null || row.last_status === null
        ? null
        : { at: iso(row.last_at), status: row.last_status, httpStatus: row.last_http_status },
    secret: row.secret,
    previousSecret: row.previous_secret,
    previousSecretExpiresAt: row.previous_secret_expires_at === null ? null : new Date(row.previous_secret_expires_at),
  };
}

/** The contract's view: never a secret. */
export function publicEndpoint(row: WebhookEndpointRow): WebhookEndpoint {
  const { orgId: _org, secret: _s, previousSecret: _p, previousSecretExpiresAt: _e, ...endpoint } = row;
  return endpoint;
}

export async function listEndpoints(db: Db, orgId: string): Promise<WebhookEndpointRow[]> {
  const rows = await endpointQuery(db).where('e.org_id', '=', orgId).orderBy('e.created_at').orderBy('e.id').execute();
  return rows.map(toEndpoint);
}

export async function readEndpoint(db: Db, orgId: string, id: string): Promise<WebhookEndpointRow | null> {
  const row = await endpointQuery(db).where('e.org_id', '=', orgId).where('e.id', '=', id).executeTakeFirst();
  return row ? toEndpoint(row) : null;
}

export async function readEndpointById(db: Db, id: string): Promise<WebhookEndpointRow | null> {
  const row = await endpointQuery(db).where('e.id', '=', id).executeTakeFirst();
  return row ? toEndpoint(row) : null;
}

export async function insertEndpoint(
  db: Db,
  row: {
    id: string;
    orgId: string;
    url: string;
    events: string[];
    description: string | null;
    secret: string;
    by: string;
    at: Date;
  },
): Promise<void> {
  await db
    .insertInto('webhook_endpoints')
    .values({
      id: row.id,
      org_id: row.orgId,
      url: row.url,
      events: jsonb(row.events),
      description: row.description,
      secret: row.secret,
      previous_secret: null,
      previous_secret_expires_at: null,
      disabled_reason: null,
      created_by: row.by,
      created_at: row.at,
    })
    .execute();
}

export async function writeEndpoint(
  db: Db,
  id: string,
  change: {
    url?: string;
    events?: string[];
    description?: string | null;
    enabled?: boolean;
    disabledReason?: string | null;
    secret?: string;
    previousSecret?: string | null;
    previousSecretExpiresAt?: Date | null;
  },
): Promise<void> {
  await db
    .updateTable('webhook_endpoints')
    .set((eb) => ({
      version: eb('version', '+', 1),
      ...(change.url !== undefined ? { url: change.url } : {}),
      ...(change.events !== undefined ? { events: jsonb(change.events) } : {}),
      ...(change.description !== undefined ? { description: change.description } : {}),
      ...(change.enabled !== undefined ? { enabled: change.enabled } : {}),
      ...(change.disabledReason !== undefined ? { disabled_reason: change.disabledReason } : {}),
      ...(change.secret !== undefined ? { secret: change.secret } : {}),
      ...(change.previousSecret !== undefined ? { previous_secret: change.previousSecret } : {}),
      ...(change.previousSecretExpiresAt !== undefined
        ? { previous_secret_expires_at: change.previousSecretExpiresAt }
        : {}),
    }))
    .where('id', '=', id)
    .execute();
}

export async function deleteEndpoint(db: Db, id: string): Promise<void> {
  await db.deleteFrom('webhook_endpoints').where('id', '=', id).execute();
}

/** What the outbox needs of an audit entry being appended. */
export interface OutboxEntry {
  seq: number;
  type: string;
  at: Date;
  actor: { id: string; name: string };
  targetId: string | null;
  before: unknown;
  after: unknown;
  data: unknown;
}

/** What goes into each outbox row of one entry: the receivers' type, the payload but its id, who hears it. */
export interface OutboxPlan {
  type: WebhookEventType;
  /** The payload without `data.id`, which the entry's row gets only as it is written. */
  payload: Record<string, unknown>;
  subscriptions: WebhookSubscription[];
}

/**
 * The outbox rows an audit entry asks for, or null when no endpoint can subscribe to its type
 * (settings, domains, denied attempts, webhooks' own changes): those cost nothing.
 */
export function webhookOutboxPlan(entry: OutboxEntry): OutboxPlan | null {
  const type = webhookTypeOf(entry.type);
  if (type === null) return null;
  const at = entry.at.toISOString();
  const data: Omit<WebhookPayload['data'], 'id'> = {
    seq: entry.seq,
    at,
    actor: { id: entry.actor.id, name: entry.actor.name },
    target: auditTarget(entry.type, entry.targetId, (entry.data ?? {}) as Record<string, unknown>),
    before: entry.before ?? null,
    after: entry.after ?? null,
  };
  return { type, payload: { type, timestamp: at, data }, subscriptions: subscriptionsHearing(type) };
}

const ATTEMPT_ID = /^\d{1,18}$/;
export const isAttemptId = (id: string) => ATTEMPT_ID.test(id);

/** One endpoint's attempts, newest first, after `beforeId`. */
export async function listAttempts(
  db: Db,
  endpointId: string,
  beforeId: string | null,
  limit: number,
): Promise<WebhookDeliveryAttempt[]> {
  let query = db
    .selectFrom('webhook_attempts as a')
    .innerJoin('webhook_deliveries as d', 'd.id', 'a.delivery_id')
    .select([
      'a.id',
      'a.delivery_id',
      'd.event_type',
      'd.seq',
      'a.attempt',
      'a.status',
      'a.http_status',
      'a.duration_ms',
      'a.error',
      'a.at',
      'a.next_retry_at',
    ])
    .where('a.endpoint_id', '=', endpointId)
    .orderBy('a.id', 'desc')
    .limit(limit);
  if (beforeId !== null) query = query.where('a.id', '<', beforeId);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: String(row.id),
    deliveryId: row.delivery_id,
    eventType: row.event_type,
    seq: row.seq,
    webhookId: row.delivery_id,
    attempt: row.attempt,
    status: row.status,
    httpStatus: row.http_status,
    durationMs: row.duration_ms,
    error: row.error,
    at: iso(row.at),
    nextRetryAt: row.next_retry_at === null ? null : iso(row.next_retry_at),
  }));
}

export const newEndpointId = () => randomUUID();

export async function readDelivery(db: Db, endpointId: string, id: string) {
  return db
    .selectFrom('webhook_deliveries')
    .select(['id', 'seq', 'state'])
    .where('endpoint_id', '=', endpointId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Back to pending, due now, with a fresh retry schedule (its attempts stay in the log). */
export async function requeueDelivery(db: Db, id: string, now: Date): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ state: 'pending', attempts: 0, next_attempt_at: now, lease_owner: null, lease_until: null })
    .where('id', '=', id)
    .execute();
}

/** How long delivered and given-up entries (and their attempts) stay in the log. */
export const DELIVERY_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/** Removes finished entries older than the retention, with their attempts; any process may sweep. */
export async function sweepFinishedDeliveries(db: Db, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('webhook_deliveries')
    .where('state', 'in', ['delivered', 'failed'])
    .where('created_at', '<', new Date(now.getTime() - DELIVERY_RETENTION_MS))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
