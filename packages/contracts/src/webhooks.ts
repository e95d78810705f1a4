import { z } from 'zod';
import { CursorSchema, IdSchema, TimestampSchema, VersionSchema } from './common.ts';
import { text } from './text.ts';
import { AuditTargetSchema } from './audit.ts';

/**
 * The event types an endpoint can subscribe to. The names are what receivers see; each
 * stands for one or more audit log types (`member.added` is the log's `member.joined`).
 */
export const WEBHOOK_EVENT_TYPES = [
  'member.added',
  'member.role_changed',
  'member.removed',
  'invitation.created',
  'invitation.accepted',
  'invitation.revoked',
  'invitation.expired',
  'invite_request.created',
  'invite_request.decided',
  'workspace.created',
  'workspace.renamed',
  'workspace.deleted',
  'workspace.member_added',
  'workspace.member_role_changed',
  'workspace.member_removed',
  'org.created',
  'org.updated',
  'org.transferred',
  'org.deleted',
  'org.restored',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** What an endpoint subscribes to: one type, every type of a family (`workspace.*`, `org.*`), or all (`*`). */
export const WebhookSubscriptionSchema = z.enum([...WEBHOOK_EVENT_TYPES, 'workspace.*', 'org.*', '*']);
export type WebhookSubscription = z.infer<typeof WebhookSubscriptionSchema>;

/** The audit log types each webhook type stands for. */
const AUDIT_TYPES: Record<WebhookEventType, readonly string[]> = {
  'member.added': ['member.joined'],
  'member.role_changed': ['member.role_changed'],
  'member.removed': ['member.removed', 'member.left'],
  'invitation.created': ['invitation.created'],
  'invitation.accepted': ['invitation.accepted'],
  'invitation.revoked': ['invitation.revoked'],
  'invitation.expired': ['invitation.expired'],
  'invite_request.created': ['invitation.requested'],
  'invite_request.decided': ['invite_request.approved', 'invite_request.rejected'],
  'workspace.created': ['workspace.created'],
  'workspace.renamed': ['workspace.renamed'],
  'workspace.deleted': ['workspace.deleted'],
  'workspace.member_added': ['workspace.member_added'],
  'workspace.member_role_changed': ['workspace.member_role_changed'],
  'workspace.member_removed': ['workspace.member_removed'],
  'org.created': ['org.created'],
  'org.updated': ['org.updated'],
  'org.transferred': ['org.transferred'],
  'org.deleted': ['org.deleted'],
  'org.restored': ['org.restored'],
};
const webhookTypeByAuditType = new Map<string, WebhookEventType>(
  Object.entries(AUDIT_TYPES).flatMap(([hook, types]) => types.map((t) => [t, hook as WebhookEventType] as const)),
);

/** The webhook type an audit log entry is delivered as, or null when no endpoint can hear of it. */
export function webhookTypeOf(auditType: string): WebhookEventType | null {
  return webhookTypeByAuditType.get(auditType) ?? null;
}

/** The subscriptions that hear of a webhook type: itself, its family's wildcard, and `*`. */
export function subscriptionsHearing(type: WebhookEventType): WebhookSubscription[] {
  const family = type.split('.')[0];
  const wildcard = family === 'workspace' || family === 'org' ? [`${family}.*` as WebhookSubscription] : [];
  return [type, ...wildcard, '*'];
}

/**
 * A receiver's URL: https (plain http only where the server allows private targets, checked by
 * the server), at most 2048 characters, no credentials in it.
 */
export const WebhookUrlSchema = text({ min: 1, max: 2048, trim: true }).pipe(
  z
    .string()
    .url('Enter a URL like https://example.com/hooks')
    .refine((value) => /^https?:\/\//i.test(value), 'The URL must start with https://')
    .refine((value) => !/^https?:\/\/[^/?#]*@/i.test(value), 'The URL may not hold a user name or password'),
);

const EventsSchema = z.array(WebhookSubscriptionSchema).min(1, 'Choose at least one event').max(32);
const DescriptionSchema = text({ max: 200, trim: true });

/** `POST /api/orgs/:orgId/webhooks` (admins). */
export const CreateWebhookSchema = z
  .object({ url: WebhookUrlSchema, events: EventsSchema, description: DescriptionSchema.optional() })
  .strict();
export type CreateWebhook = z.infer<typeof CreateWebhookSchema>;

/**
 * A signing secret in the Standard Webhooks format: `whsec_` and the base64 of 24 random bytes.
 * Shown once, when the endpoint is created or its secret rotated.
 */
export const WebhookSecretSchema = z.string().regex(/^whsec_[A-Za-z0-9+/]{32,}={0,2}$/);

/** Answer of create: the endpoint's id and its secret, which is never shown again. */
export const CreateWebhookResponseSchema = z.object({ id: IdSchema, secret: WebhookSecretSchema });
export type CreateWebhookResponse = z.infer<typeof CreateWebhookResponseSchema>;

/** `PATCH /api/orgs/:orgId/webhooks/:id` (admins), at the endpoint's version. Enabling again clears `disabledReason`. */
export const UpdateWebhookSchema = z
  .object({
    version: VersionSchema,
    url: WebhookUrlSchema.optional(),
    events: EventsSchema.optional(),
    description: DescriptionSchema.nullable().optional(),
    enabled: z.boolean().optional(),
  })
  .strict();
export type UpdateWebhook = z.infer<typeof UpdateWebhookSchema>;

/** `POST /api/orgs/:orgId/webhooks/:id/rotate-secret`: the new secret; the old one signs too for 24 h. */
export const RotateWebhookSecretResponseSchema = z.object({
  secret: WebhookSecretSchema,
  /** Until then each delivery carries a second signature, made with the previous secret. */
  previousSecretExpiresAt: TimestampSchema,
});
export type RotateWebhookSecretResponse = z.infer<typeof RotateWebhookSecretResponseSchema>;

export const WebhookAttemptStatusSchema = z.enum(['succeeded', 'failed']);

/** The last attempt at delivering to an endpoint, shown on its row. */
export const WebhookLastDeliverySchema = z.object({
  at: TimestampSchema,
  status: WebhookAttemptStatusSchema,
  httpStatus: z.number().int().nullable(),
});

/** An endpoint as admins see it: never its secret. */
export const WebhookEndpointSchema = z.object({
  id: IdSchema,
  url: z.string(),
  events: z.array(WebhookSubscriptionSchema),
  description: z.string().nullable(),
  enabled: z.boolean(),
  /** Why the server disabled it (every retry of a delivery failed); null when enabled or disabled by an admin. */
  disabledReason: z.string().nullable(),
  createdAt: TimestampSchema,
  version: VersionSchema,
  lastDelivery: WebhookLastDeliverySchema.nullable(),
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;

/** `GET /api/orgs/:orgId/webhooks` (admins). */
export const ListWebhooksResponseSchema = z.object({ items: z.array(WebhookEndpointSchema) });
export type ListWebhooksResponse = z.infer<typeof ListWebhooksResponseSchema>;

/** Answer of update. */
export const WebhookResponseSchema = z.object({ webhook: WebhookEndpointSchema });
export type WebhookResponse = z.infer<typeof WebhookResponseSchema>;

/** `GET /api/orgs/:orgId/webhooks/:id/deliveries`: newest attempt first, keyset paged. */
export const ListWebhookDeliveriesQuerySchema = z
  .object({ cursor: CursorSchema.optional(), limit: z.coerce.number().int().min(1).max(100).default(50) })
  .strict();
export type ListWebhookDeliveriesQuery = z.infer<typeof ListWebhookDeliveriesQuerySchema>;

/** One attempt at delivering one entry. Every attempt of an entry carries the same `webhookId`. */
export const WebhookDeliveryAttemptSchema = z.object({
  id: IdSchema,
  /** The delivered entry (the outbox row); redelivery is asked by it. */
  deliveryId: IdSchema,
  eventType: z.string(),
  seq: z.number().int().positive(),
  /** The `webhook-id` header: the same on every attempt, so receivers can drop repeats. */
  webhookId: z.string(),
  attempt: z.number().int().positive(),
  status: WebhookAttemptStatusSchema,
  httpStatus: z.number().int().nullable(),
  durationMs: z.number().int().nonnegative(),
  error: z.string().nullable(),
  at: TimestampSchema,
  /** When the next attempt is due, after a failure that will be retried. */
  nextRetryAt: TimestampSchema.nullable(),
});
export type WebhookDeliveryAttempt = z.infer<typeof WebhookDeliveryAttemptSchema>;

export const ListWebhookDeliveriesResponseSchema = z.object({
  items: z.array(WebhookDeliveryAttemptSchema),
  nextCursor: z.string().nullable(),
});
export type ListWebhookDeliveriesResponse = z.infer<typeof ListWebhookDeliveriesResponseSchema>;

/**
 * `POST /api/orgs/:orgId/webhooks/:id/deliveries/:deliveryId/redeliver` (admins): the entry is
 * sent again, with its `webhook-id`, before the endpoint's later entries; one still pending is
 * left as it is.
 */
export const RedeliverWebhookResponseSchema = z.object({ deliveryId: IdSchema, state: z.literal('pending') });
export type RedeliverWebhookResponse = z.infer<typeof RedeliverWebhookResponseSchema>;

/** Data of `webhook.redelivered`: an admin asked for one entry again. */
export const WebhookRedeliveredDataSchema = z.object({
  webhook: WebhookEndpointSchema,
  deliveryId: IdSchema,
  seq: z.number().int().positive(),
});

/** Data of `webhook.created`, `webhook.updated`, `webhook.deleted`, `webhook.secret_rotated` and `webhook.disabled`. */
export const WebhookChangedDataSchema = z.object({ webhook: WebhookEndpointSchema });

/** What a receiver gets: the audit entry behind the change. */
export const WebhookPayloadSchema = z.object({
  type: z.enum(WEBHOOK_EVENT_TYPES),
  timestamp: TimestampSchema,
  data: z.object({
    id: z.string(),
    seq: z.number().int().positive(),
    at: TimestampSchema,
    actor: z.object({ id: z.string(), name: z.string() }),
    /** What the entry is about, named as it was then (as in the audit log). */
    target: AuditTargetSchema,
    before: z.unknown(),
    after: z.unknown(),
  }),
});
export type WebhookPayload = z.infer<typeof WebhookPayloadSchema>;

/** The delivery schedule: the waits before the 2nd to 9th attempts (about 5 s, 30 s, 2 min, 15 min, 1 h, 4 h, 12 h, 24 h). */
export const WEBHOOK_RETRY_DELAYS_MS = [
  5_000, 30_000, 120_000, 900_000, 3_600_000, 14_400_000, 43_200_000, 86_400_000,
] as const;
/** How long a receiver has to answer. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
