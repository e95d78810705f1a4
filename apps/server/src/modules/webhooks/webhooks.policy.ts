import { randomBytes } from 'node:crypto';
import type { WebhookEndpoint } from '@roster/contracts';
import { DomainError } from '../../lib/domain-error.ts';

/** A signing secret in the Standard Webhooks format: `whsec_` and the base64 of 24 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

/** How long the previous secret keeps signing after a rotation. */
export const SECRET_OVERLAP_MS = 24 * 60 * 60 * 1000;

/** An org may hold this many endpoints: each one is a delivery per change. */
export const MAX_WEBHOOKS_PER_ORG = 20;

export function assertVersion(row: WebhookEndpoint, version: number): void {
  if (row.version === version) return;
  throw new DomainError('VERSION_CONFLICT', 'This webhook was changed in the meantime', { current: row });
}

export function assertRoomForAnother(count: number): void {
  if (count < MAX_WEBHOOKS_PER_ORG) return;
  throw new DomainError('LIMIT_EXCEEDED', `An organization can have at most ${MAX_WEBHOOKS_PER_ORG} webhooks`);
}

/** What the audit log and the live event say of an endpoint: its public view. */
export const webhookData = (webhook: WebhookEndpoint) => ({ webhook });
