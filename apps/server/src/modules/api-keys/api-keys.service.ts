import {
  MAX_API_KEYS_PER_ORG,
  type CreateApiKey,
  type CreatedApiKey,
  type ListApiKeysResponse,
} from '@roster/contracts';
import type { SessionUser } from '../../auth/auth.ts';
import { DomainError, notFound } from '../../lib/domain-error.ts';
import { runMutation, type Actor, type MutationDeps } from '../../mutation/run-mutation.ts';
import { assertCanManageMembers, authorizeAdmin } from '../members/members.policy.ts';
import { readOrgAccess } from '../orgs/org-access.repository.ts';
import { newApiKey } from './api-key-token.ts';
import { assertMayGiveScopes, assertPersonManagesKeys } from './api-keys.policy.ts';
import { countLiveApiKeys, insertApiKey, listApiKeys, revokeApiKeyRow } from './api-keys.repository.ts';

const DAY_MS = 86_400_000;

function authorizeKeyAdmin(actor: Actor): void {
  authorizeAdmin(actor);
  assertPersonManagesKeys(actor);
}

/** `GET /api/orgs/:orgId/api-keys` (admins): never a secret. */
export async function listOrgApiKeys(
  deps: MutationDeps,
  user: SessionUser,
  orgId: string,
): Promise<ListApiKeysResponse> {
  const access = await readOrgAccess(deps.db, orgId, user.id);
  assertCanManageMembers(access?.role ?? null);
  assertPersonManagesKeys(user);
  return { items: await listApiKeys(deps.db, orgId) };
}

/** An admin makes a key; its secret is in this answer only, and only its hash is kept. */
export async function createOrgApiKey(
  deps: MutationDeps,
  user: SessionUser,
  orgId: string,
  body: CreateApiKey,
): Promise<CreatedApiKey> {
  const spec = {
    orgId,
    user,
    action: 'api_key.create',
    authorize(actor: Actor, org: { createdBy: string }) {
      authorizeKeyAdmin(actor);
      assertMayGiveScopes({ scopes: body.scopes, actorId: actor.id, creatorId: org.createdBy });
    },
  };
  return runMutation(deps, spec, async (ctx) => {
    if ((await countLiveApiKeys(ctx.tx, orgId)) >= MAX_API_KEYS_PER_ORG) {
      throw new DomainError('LIMIT_EXCEEDED', `An organization can hold at most ${MAX_API_KEYS_PER_ORG} API keys`);
    }
    const made = newApiKey();
    const apiKey = await insertApiKey(ctx.tx, {
      id: made.id,
      orgId,
      name: body.name,
      prefix: made.prefix,
      hash: made.hash,
      scopes: body.scopes,
      createdBy: { id: ctx.actor.id, name: ctx.actor.name },
      createdAt: ctx.now,
      expiresAt: body.expiresInDays === undefined ? null : new Date(ctx.now.getTime() + body.expiresInDays * DAY_MS),
    });
    await ctx.emit({ type: 'api_key.created', targetId: made.id, before: null, after: apiKey, data: { apiKey } });
    return { id: made.id, key: made.key, prefix: made.prefix };
  });
}

/** Revokes at once: every process reads the key per request, so the next request is refused. */
export async function revokeOrgApiKey(deps: MutationDeps, user: SessionUser, orgId: string, id: string): Promise<void> {
  const spec = { orgId, user, action: 'api_key.revoke', targetId: id, authorize: authorizeKeyAdmin };
  await runMutation(deps, spec, async (ctx) => {
    const apiKey = await revokeApiKeyRow(ctx.tx, { orgId, id, by: ctx.actor.id, at: ctx.now });
    if (!apiKey) throw notFound('That API key');
    await ctx.emit({ type: 'api_key.revoked', targetId: id, before: apiKey, after: null, data: { apiKey } });
  });
}
