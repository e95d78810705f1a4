import type {
  CreateWebhook,
  CreateWebhookResponse,
  ListWebhookDeliveriesQuery,
  ListWebhookDeliveriesResponse,
  ListWebhooksResponse,
  RedeliverWebhookResponse,
  RotateWebhookSecretResponse,
  UpdateWebhook,
  WebhookResponse,
} from '@roster/contracts';
import type { SessionUser } from '../../auth/auth.ts';
import { createTokenSealer, type TokenSealer } from '../../mail/token-sealer.ts';
import { DomainError, notFound } from '../../lib/domain-error.ts';
import { keysetCursor } from '../../lib/keyset-cursor.ts';
import { runMutation, type MutationContext, type MutationDeps } from '../../mutation/run-mutation.ts';
import { assertCanManageMembers, authorizeAdmin } from '../members/members.policy.ts';
import { readOrgAccess } from '../orgs/org-access.repository.ts';
import { resolveWebhookTarget, type Resolver } from './webhook-target.ts';
import {
  assertRoomForAnother,
  assertVersion,
  newWebhookSecret,
  SECRET_OVERLAP_MS,
  webhookData,
} from './webhooks.policy.ts';
import {
  deleteEndpoint,
  insertEndpoint,
  isAttemptId,
  listAttempts,
  listEndpoints,
  newEndpointId,
  publicEndpoint,
  readDelivery,
  readEndpoint,
  requeueDelivery,
  writeEndpoint,
  type WebhookEndpointRow,
} from './webhooks.repository.ts';

/** WEBHOOK_ALLOW_PRIVATE and the resolver the SSRF guard asks (tests give their own). */
export interface WebhookSettings {
  allowPrivate: boolean;
  resolve?: Resolver | undefined;
}

export interface WebhookDeps extends MutationDeps {
  webhooks: WebhookSettings;
  /** Signing secrets rest sealed in the database (AES-GCM under a key derived from the server secret). */
  webhookSealer: TokenSealer;
}

/** The sealer of webhook signing secrets: its own key, derived from the server secret. */
export const webhookSealer = (serverSecret: string) => createTokenSealer(`webhook-signing-secrets:${serverSecret}`);

const cursor = keysetCursor('webhook-attempts', []);

async function assertAdmin(deps: MutationDeps, user: SessionUser, orgId: string) {
  const access = await readOrgAccess(deps.db, orgId, user.id);
  assertCanManageMembers(access?.role ?? null);
}

/** `GET /api/orgs/:orgId/webhooks` (admins). */
export async function listWebhooks(
  deps: MutationDeps,
  user: SessionUser,
  orgId: string,
): Promise<ListWebhooksResponse> {
  await assertAdmin(deps, user, orgId);
  return { items: (await listEndpoints(deps.db, orgId)).map(publicEndpoint) };
}

/**
 * An admin adds a receiver. Its URL is resolved and checked before the org's lock is taken (DNS
 * can be slow); the secret is answered once and never shown again.
 */
export async function createWebhook(
  deps: WebhookDeps,
  user: SessionUser,
  orgId: string,
  body: CreateWebhook,
): Promise<CreateWebhookResponse> {
  await assertAdmin(deps, user, orgId);
  await resolveWebhookTarget(body.url, deps.webhooks.allowPrivate, deps.webhooks.resolve);
  const spec = { orgId, user, action: 'webhook.create', authorize: authorizeAdmin };
  return runMutation(deps, spec, async (ctx) => {
    assertRoomForAnother((await listEndpoints(ctx.tx, orgId)).length);
    const id = newEndpointId();
    const secret = newWebhookSecret();
    await insertEndpoint(ctx.tx, {
      id,
      orgId,
      url: body.url,
      events: unique(body.events),
      description: body.description || null,
      secret: deps.webhookSealer.seal(secret),
      by: ctx.actor.id,
      at: ctx.now,
    });
    await emitWebhook(ctx, 'webhook.created', id, null);
    return { id, secret };
  });
}

/** URL, events, description or enabled, at the endpoint's version (admins). Enabling clears why it was disabled. */
export async function updateWebhook(
  deps: WebhookDeps,
  user: SessionUser,
  orgId: string,
  id: string,
  body: UpdateWebhook,
): Promise<WebhookResponse> {
  await assertAdmin(deps, user, orgId);
  if (body.url !== undefined) await resolveWebhookTarget(body.url, deps.webhooks.allowPrivate, deps.webhooks.resolve);
  const spec = { orgId, user, action: 'webhook.update', targetId: id, authorize: authorizeAdmin };
  return runMutation(deps, spec, async (ctx) => {
    const row = await lockedEndpoint(ctx, id);
    assertVersion(publicEndpoint(row), body.version);
    await writeEndpoint(ctx.tx, id, {
      ...(body.url !== undefined ? { url: body.url } : {}),
      ...(body.events !== undefined ? { events: unique(body.events) } : {}),
      ...(body.description !== undefined ? { description: body.description || null } : {}),
      ...(body.enabled !== undefined ? { enabled: body.enabled, disabledReason: null } : {}),
    });
    return { webhook: await emitWebhook(ctx, 'webhook.updated', id, row) };
  });
}

/** Removes an endpoint with its undelivered entries and its log (admins). */
export async function deleteWebhook(deps: MutationDeps, user: SessionUser, orgId: string, id: string): Promise<void> {
  await assertAdmin(deps, user, orgId);
  const spec = { orgId, user, action: 'webhook.delete', targetId: id, authorize: authorizeAdmin };
  await runMutation(deps, spec, async (ctx) => {
    const row = await lockedEndpoint(ctx, id);
    await deleteEndpoint(ctx.tx, id);
    const webhook = publicEndpoint(row);
    await ctx.emit({ type: 'webhook.deleted', targetId: id, before: webhook, after: null, data: webhookData(webhook) });
  });
}

/**
 * A new secret; the previous one keeps signing for 24 hours beside it (each delivery then
 * carries two signatures), so receivers can switch without losing a delivery.
 */
export async function rotateWebhookSecret(
  deps: WebhookDeps,
  user: SessionUser,
  orgId: string,
  id: string,
): Promise<RotateWebhookSecretResponse> {
  await assertAdmin(deps, user, orgId);
  const spec = { orgId, user, action: 'webhook.rotate_secret', targetId: id, authorize: authorizeAdmin };
  return runMutation(deps, spec, async (ctx) => {
    const row = await lockedEndpoint(ctx, id);
    const secret = newWebhookSecret();
    const previousSecretExpiresAt = new Date(ctx.now.getTime() + SECRET_OVERLAP_MS);
    await writeEndpoint(ctx.tx, id, {
      secret: deps.webhookSealer.seal(secret),
      previousSecret: row.secret,
      previousSecretExpiresAt,
    });
    await emitWebhook(ctx, 'webhook.secret_rotated', id, row);
    return { secret, previousSecretExpiresAt: previousSecretExpiresAt.toISOString() };
  });
}

/** `GET /api/orgs/:orgId/webhooks/:id/deliveries`: every attempt, newest first (admins). */
export async function listWebhookDeliveries(
  deps: MutationDeps,
  user: SessionUser,
  orgId: string,
  id: string,
  query: ListWebhookDeliveriesQuery,
): Promise<ListWebhookDeliveriesResponse> {
  await assertAdmin(deps, user, orgId);
  if (!(await readEndpoint(deps.db, orgId, id))) throw notFound('This webhook');
  let after: string | null = null;
  if (query.cursor !== undefined) {
    after = cursor.decode(query.cursor).id;
    if (!isAttemptId(after)) throw new DomainError('INVALID_CURSOR', 'The cursor does not belong to this list');
  }
  const rows = await listAttempts(deps.db, id, after, query.limit + 1);
  const items = rows.slice(0, query.limit);
  const nextCursor = rows.length > query.limit ? cursor.encode([], items.at(-1)!.id) : null;
  return { items, nextCursor };
}

/**
 * An admin asks for one entry again (after a fix on their side): it goes back to pending with
 * its own `webhook-id` and a fresh retry schedule, due now, and leaves before the endpoint's later
 * entries. One still pending is already on its way and is left alone.
 */
export async function redeliverWebhook(
  deps: MutationDeps,
  user: SessionUser,
  orgId: string,
  id: string,
  deliveryId: string,
): Promise<RedeliverWebhookResponse> {
  await assertAdmin(deps, user, orgId);
  const spec = { orgId, user, action: 'webhook.redeliver', targetId: id, authorize: authorizeAdmin };
  return runMutation(deps, spec, async (ctx) => {
    const row = await lockedEndpoint(ctx, id);
    const delivery = await readDelivery(ctx.tx, id, deliveryId);
    if (!delivery) throw notFound('This delivery');
    if (delivery.state !== 'pending') {
      await requeueDelivery(ctx.tx, deliveryId, ctx.now);
      const webhook = publicEndpoint(row);
      await ctx.emit({
        type: 'webhook.redelivered',
        targetId: id,
        before: null,
        after: { deliveryId, seq: delivery.seq },
        data: { webhook, deliveryId, seq: delivery.seq },
      });
    }
    return { deliveryId, state: 'pending' };
  });
}

async function lockedEndpoint(ctx: MutationContext, id: string): Promise<WebhookEndpointRow> {
  const row = await readEndpoint(ctx.tx, ctx.org.id, id);
  if (!row) throw notFound('This webhook');
  return row;
}

async function emitWebhook(
  ctx: MutationContext,
  type: 'webhook.created' | 'webhook.updated' | 'webhook.secret_rotated' | 'webhook.disabled',
  id: string,
  before: WebhookEndpointRow | null,
) {
  const webhook = publicEndpoint((await readEndpoint(ctx.tx, ctx.org.id, id))!);
  await ctx.emit({
    type,
    targetId: id,
    before: before && publicEndpoint(before),
    after: webhook,
    data: webhookData(webhook),
  });
  return webhook;
}

export { emitWebhook };

const unique = <T>(values: T[]) => [...new Set(values)];
