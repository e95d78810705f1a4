import { randomUUID } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { sql } from 'kysely';
import { Webhook } from 'standardwebhooks';
import { WEBHOOK_RETRY_DELAYS_MS, WEBHOOK_TIMEOUT_MS } from '@roster/contracts';
import type { MailQueue } from '../../mail/mail-queue.ts';
import type { TokenSealer } from '../../mail/token-sealer.ts';
import { runMutation, type MutationDeps } from '../../mutation/run-mutation.ts';
import { authorizeInside, systemUser } from '../invitations/invitation-context.ts';
import { orgName } from '../invitations/invitation-lookups.repository.ts';
import { resolveWebhookTarget, type ResolvedTarget } from './webhook-target.ts';
import { emitWebhook, type WebhookSettings } from './webhooks.service.ts';
import { readEndpointById, sweepFinishedDeliveries, type WebhookEndpointRow } from './webhooks.repository.ts';

export interface WebhookWorkerOptions extends MutationDeps {
  mailQueue: MailQueue;
  settings: WebhookSettings;
  /** Opens the sealed signing secrets. */
  sealer: TokenSealer;
  /** Waits before the 2nd, 3rd, ... attempt (default about 5 s to 24 h); after the last, the endpoint is disabled. */
  retryDelaysMs?: readonly number[] | undefined;
  timeoutMs?: number | undefined;
  /** How often it looks for due entries (default 1 s). */
  pollMs?: number | undefined;
  /** 0..1; each wait is scaled by 0.8 + 0.4 × this (jitter). */
  random?: (() => number) | undefined;
}

export interface WebhookWorker {
  /** Delivers every entry due now, one endpoint's entries in seq order; resolves with how many were attempted. */
  drain(): Promise<number>;
  wake(): void;
  stop(): Promise<void>;
}

interface ClaimedRow {
  id: string;
  endpoint_id: string;
  org_id: string;
  seq: number;
  payload: unknown;
  attempts: number;
}

/** Entries claimed per round; one per endpoint at most (its head). */
const CLAIM_BATCH = 20;
/** A response body is read up to this much, then dropped. */
const BODY_LIMIT = 64 * 1024;
/** How often finished entries past their retention are removed. */
const SWEEP_EVERY_MS = 60 * 60 * 1000;
/** Kept of a failure's message in the delivery log. */
const ERROR_LIMIT = 500;

/**
 * The webhook sender (ADR 33). Any number of processes run one: each claims due entries with
 * `for update skip locked` and a lease (the lease outlives the 10 s timeout, and a crashed
 * process's lease runs out), only the head (lowest pending seq) of each enabled endpoint, so an
 * endpoint's entries leave in seq order and each is in one process's hands at a time. A delivery
 * that fails is retried on the schedule with jitter, with the same `webhook-id`; after the last
 * retry the endpoint is disabled through the mutation path and its admins are mailed.
 */
export function startWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  const owner = randomUUID();
  const delays = options.retryDelaysMs ?? WEBHOOK_RETRY_DELAYS_MS;
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const random = options.random ?? Math.random;
  let running: Promise<number> | null = null;
  let again = false;
  let stopped = false;

  async function claim(): Promise<ClaimedRow[]> {
    const now = options.clock.now();
    const leaseUntil = new Date(now.getTime() + timeoutMs + 30_000);
    const result = await sql<ClaimedRow>`
      update webhook_deliveries d
      set lease_owner = ${owner}, lease_until = ${leaseUntil.toISOString()}::timestamptz
      where d.id in (
        select o.id from webhook_deliveries o
        join webhook_endpoints e on e.id = o.endpoint_id and e.enabled
        where o.state = 'pending'
          and o.next_attempt_at <= ${now.toISOString()}::timestamptz
          and (o.lease_until is null or o.lease_until < ${now.toISOString()}::timestamptz)
          and not exists (
            select 1 from webhook_deliveries p
            where p.endpoint_id = o.endpoint_id and p.state = 'pending' and p.seq < o.seq
          )
        order by o.next_attempt_at, o.seq
        limit ${CLAIM_BATCH}
        for update of o skip locked
      )
      returning d.id, d.endpoint_id, d.org_id, d.seq, d.payload, d.attempts`.execute(options.db);
    return result.rows;
  }

  async function round(): Promise<number> {
    let total = 0;
    for (;;) {
      if (stopped) return total;
      const rows = await claim();
      if (rows.length === 0) return total;
      total += rows.length;
      await Promise.all(rows.map((row) => deliverOne(row)));
    }
  }

  async function deliverOne(row: ClaimedRow): Promise<void> {
    try {
      const endpoint = await readEndpointById(options.db, row.endpoint_id);
      if (!endpoint) return;
      const result = await attempt(endpoint, row);
      await record(endpoint, row, result);
    } catch (error) {
      options.logger.warn('webhook delivery failed unexpectedly', { delivery: row.id, error: String(error) });
    }
  }

  async function attempt(endpoint: WebhookEndpointRow, row: ClaimedRow): Promise<AttemptResult> {
    const started = performance.now();
    let target: ResolvedTarget;
    try {
      // DNS can change after the URL was checked: check again, and connect to what was checked.
      target = await resolveWebhookTarget(endpoint.url, options.settings.allowPrivate, options.settings.resolve);
    } catch (error) {
      return { ok: false, httpStatus: null, durationMs: 0, error: (error as Error).message };
    }
    const body = JSON.stringify(row.payload);
    const now = options.clock.now();
    let signature: string;
    try {
      signature = signatures(endpoint, row.id, now, body);
    } catch {
      const error = 'The signing secret cannot be opened (SESSION_SECRET changed?): rotate the secret';
      return { ok: false, httpStatus: null, durationMs: 0, error };
    }
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Roster-Webhooks/1',
      'webhook-id': row.id,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': signature,
    };
    try {
      const httpStatus = await post(target, headers, body, timeoutMs);
      const durationMs = Math.round(performance.now() - started);
      const ok = httpStatus >= 200 && httpStatus < 300;
      return { ok, httpStatus, durationMs, error: ok ? null : `The receiver answered ${httpStatus}` };
    } catch (error) {
      const durationMs = Math.round(performance.now() - started);
      const message =
        (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError'
          ? `No answer within ${timeoutMs / 1000} s`
          : (error as Error).message;
      return { ok: false, httpStatus: null, durationMs, error: message.slice(0, ERROR_LIMIT) };
    }
  }

  /** The signature with the current secret, and with the previous one while it still signs. */
  function signatures(endpoint: WebhookEndpointRow, id: string, at: Date, body: string): string {
    const secrets = [endpoint.secret];
    if (endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > at) {
      secrets.push(endpoint.previousSecret);
    }
    return secrets.map((sealed) => new Webhook(options.sealer.open(sealed)).sign(id, at, body)).join(' ');
  }

  async function record(endpoint: WebhookEndpointRow, row: ClaimedRow, result: AttemptResult): Promise<void> {
    const attemptNo = row.attempts + 1;
    const now = options.clock.now();
    const last = !result.ok && attemptNo > delays.length;
    if (last) {
      await disable(endpoint, row, result, attemptNo);
      return;
    }
    const delay = result.ok ? 0 : Math.round(delays[attemptNo - 1]! * (0.8 + 0.4 * random()));
    const nextRetryAt = result.ok ? null : new Date(now.getTime() + delay);
    await options.db.transaction().execute(async (tx) => {
      const updated = await tx
        .updateTable('webhook_deliveries')
        .set({
          state: result.ok ? 'delivered' : 'pending',
          attempts: attemptNo,
          next_attempt_at: nextRetryAt ?? now,
          lease_owner: null,
          lease_until: null,
        })
        .where('id', '=', row.id)
        .where('lease_owner', '=', owner)
        .executeTakeFirst();
      // Our lease ran out and another process took the entry: its attempt is the one recorded.
      if (Number(updated.numUpdatedRows) === 0) return;
      await tx
        .insertInto('webhook_attempts')
        .values({
          delivery_id: row.id,
          endpoint_id: row.endpoint_id,
          attempt: attemptNo,
          status: result.ok ? 'succeeded' : 'failed',
          http_status: result.httpStatus,
          duration_ms: result.durationMs,
          error: result.error,
          at: now,
          next_retry_at: nextRetryAt,
        })
        .execute();
    });
  }

  /** The last retry failed: the entry is given up, the endpoint disabled (audited) and its admins mailed. */
  async function disable(endpoint: WebhookEndpointRow, row: ClaimedRow, result: AttemptResult, attemptNo: number) {
    const reason = `${attemptNo} attempts to deliver entry ${row.seq} failed; the last: ${result.error ?? 'no answer'}`;
    const spec = {
      orgId: row.org_id,
      user: systemUser,
      action: 'webhook.disable',
      targetId: endpoint.id,
      authorize: authorizeInside,
      // An org waiting for its purge still gives up on a failing endpoint, or it would be retried forever.
      onDeletedOrg: true,
    };
    await runMutation(options, spec, async (ctx) => {
      const updated = await ctx.tx
        .updateTable('webhook_deliveries')
        .set({ state: 'failed', attempts: attemptNo, lease_owner: null, lease_until: null })
        .where('id', '=', row.id)
        .where('lease_owner', '=', owner)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return;
      await ctx.tx
        .insertInto('webhook_attempts')
        .values({
          delivery_id: row.id,
          endpoint_id: row.endpoint_id,
          attempt: attemptNo,
          status: 'failed',
          http_status: result.httpStatus,
          duration_ms: result.durationMs,
          error: result.error,
          at: ctx.now,
          next_retry_at: null,
        })
        .execute();
      await ctx.tx
        .updateTable('webhook_endpoints')
        .set((eb) => ({ enabled: false, disabled_reason: reason, version: eb('version', '+', 1) }))
        .where('id', '=', endpoint.id)
        .execute();
      await emitWebhook(ctx, 'webhook.disabled', endpoint.id, endpoint);
      const admins = await ctx.tx
        .selectFrom('org_members')
        .select(['email', 'name'])
        .where('org_id', '=', row.org_id)
        .where('role', '=', 'ADMIN')
        .execute();
      const name = await orgName(ctx.tx, row.org_id);
      for (const admin of admins) {
        await options.mailQueue.enqueueWebhookDisabled(
          ctx.tx,
          { to: admin.email, adminName: admin.name, orgId: row.org_id, orgName: name, url: endpoint.url, reason },
          ctx.now,
        );
      }
      ctx.afterCommit(() => options.mailQueue.wake());
    });
  }

  function drain(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      do {
        again = false;
        total += await round();
      } while (again && !stopped);
      return total;
    })().finally(() => {
      running = null;
    });
    return running;
  }

  let lastSweep = 0;
  const tick = () => {
    const now = options.clock.now().getTime();
    if (now - lastSweep >= SWEEP_EVERY_MS) {
      lastSweep = now;
      sweepFinishedDeliveries(options.db, options.clock.now()).catch((error) =>
        options.logger.warn('webhook log sweep failed', { error: String(error) }),
      );
    }
    drain().catch((error) => options.logger.warn('webhook delivery round failed', { error: String(error) }));
  };
  const timer = setInterval(tick, options.pollMs ?? 1_000);
  timer.unref?.();

  return {
    drain,
    wake: tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => {});
    },
  };
}

interface AttemptResult {
  ok: boolean;
  httpStatus: number | null;
  durationMs: number;
  error: string | null;
}

/** Posts to the address that was checked (never asking DNS again), keeping the host name for TLS and Host. */
function post(
  target: ResolvedTarget,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<number> {
  const pinned: LookupFunction = (_host, opts, callback) => {
    if ((opts as { all?: boolean }).all) {
      (callback as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [
        { address: target.address, family: target.family },
      ]);
    } else {
      callback(null, target.address, target.family);
    }
  };
  const client = target.url.protocol === 'https:' ? https : http;
  return new Promise<number>((resolve, reject) => {
    const request = client.request(
      target.url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: pinned,
        agent: false,
        signal: AbortSignal.timeout(timeoutMs),
      },
      (response) => {
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > BODY_LIMIT) response.destroy();
        });
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('close', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
