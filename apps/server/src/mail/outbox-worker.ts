import type { InvitationDelivery } from '@roster/contracts';
import type { Db } from '../db/connect.ts';
import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/logger.ts';
import { invitationUrl } from '../modules/invitations/invitation-token.ts';
import { composeAccessRequestMail, type AccessRequestMailPayload } from './access-request-mail.ts';
import { composeAccountMail, type AccountMailPayload } from './account-mail.ts';
import { composeInvitationMail, type InvitationMailPayload, type Mail } from './invitation-mail.ts';
import type { MailTransport } from './mail-transport.ts';
import { composeOrgDeletionMail, type OrgDeletionMailPayload } from './org-deletion-mail.ts';
import { composeWebhookDisabledMail, type WebhookDisabledMailPayload } from './webhook-disabled-mail.ts';
import { composeDomainVerificationMail, type DomainVerificationMailPayload } from './domain-verification-mail.ts';
import {
  claimDueOutbox,
  markOutboxFailed,
  markOutboxRetry,
  markOutboxSent,
  type OutboxRow,
} from './outbox.repository.ts';
import type { TokenSealer } from './token-sealer.ts';

export interface DeliveryReport {
  orgId: string;
  invitationId: string;
  outboxId: string;
  delivery: InvitationDelivery;
}

export interface OutboxWorkerOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  transport: MailTransport;
  sealer: TokenSealer;
  publicUrl: string;
  /** Records each attempt on the invitation (through the mutation path) so badges update live. */
  onAttempt(report: DeliveryReport): Promise<void>;
  /** Wait before each retry; attempts = delays + 1. Default: 3 attempts, 1 s then 5 s apart. */
  retryDelaysMs?: number[];
  /** Slow poll for retries that come due and mails queued by other processes. */
  pollMs?: number;
}

export interface OutboxWorker {
  /** Looks at the outbox soon; called after each commit that queued mail. */
  wake(): void;
  /** Sends everything due now; resolves when done (tests and shutdown use it). */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

const LEASE_MS = 60_000;

export function startOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const delays = options.retryDelaysMs ?? [1_000, 5_000];
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const drain = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await sendDue(options, delays).catch((error) =>
          options.logger.error('outbox pass failed', { error: String(error) }),
        );
      } while (again && !stopped);
    })().finally(() => (running = null));
    return running;
  };
  const timer = setInterval(() => void drain(), options.pollMs ?? 5_000);
  // Node timers must not hold the process open; a browser timer (mock mode) has no unref.
  (timer as { unref?: () => void }).unref?.();
  return {
    wake: () => {
      if (!stopped) setImmediate(() => void drain());
    },
    drain,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      options.transport.close();
    },
  };
}

async function sendDue(options: OutboxWorkerOptions, delays: number[]) {
  for (;;) {
    const now = options.clock.now();
    const rows = await claimDueOutbox(options.db, now, new Date(now.getTime() + LEASE_MS), 20);
    if (rows.length === 0) return;
    for (const row of rows) await attempt(options, delays, row);
  }
}

/** The mail a row stands for: an invitation, an access request, an org's deletion, or an account mail (ADR 0007). */
function compose(options: OutboxWorkerOptions, row: OutboxRow): Mail {
  if (row.kind === 'access-request') {
    return composeAccessRequestMail(row.payload as unknown as AccessRequestMailPayload, options.publicUrl);
  }
  if (row.kind === 'domain-verification') {
    const payload = row.payload as unknown as DomainVerificationMailPayload;
    return composeDomainVerificationMail(payload, options.sealer.open(payload.sealedToken));
  }
  if (row.kind === 'org-deletion') {
    return composeOrgDeletionMail(row.payload as unknown as OrgDeletionMailPayload, options.publicUrl);
  }
  if (row.kind === 'webhook-disabled') {
    return composeWebhookDisabledMail(row.payload as unknown as WebhookDisabledMailPayload, options.publicUrl);
  }
  if (row.kind === 'account') {
    const payload = row.payload as unknown as AccountMailPayload;
    const url = payload.sealedToken ? options.sealer.open(payload.sealedToken) : options.publicUrl;
    return composeAccountMail(payload, url, options.publicUrl);
  }
  const payload = row.payload as unknown as InvitationMailPayload;
  return composeInvitationMail(payload, invitationUrl(options.publicUrl, options.sealer.open(payload.sealedToken)));
}

async function attempt(options: OutboxWorkerOptions, delays: number[], row: OutboxRow) {
  const payload = row.payload as unknown as InvitationMailPayload;
  let delivery: InvitationDelivery;
  try {
    await options.transport.send(compose(options, row));
    await markOutboxSent(options.db, row.id);
    delivery = { state: 'sent', attempts: row.attempts, lastError: null };
  } catch (error) {
    const message = String((error as Error).message ?? error).slice(0, 300);
    const delay = delays[row.attempts - 1];
    if (delay === undefined) await markOutboxFailed(options.db, row.id, message);
    else await markOutboxRetry(options.db, row.id, new Date(options.clock.now().getTime() + delay), message);
    delivery = { state: delay === undefined ? 'failed' : 'queued', attempts: row.attempts, lastError: message };
    options.logger.warn('mail not sent', { outboxId: row.id, kind: row.kind, attempts: row.attempts, error: message });
  }
  if (!row.invitationId) return;
  await options
    .onAttempt({ orgId: payload.orgId, invitationId: row.invitationId, outboxId: row.id, delivery })
    .catch((error) => options.logger.error('could not record a delivery', { error: String(error) }));
}
