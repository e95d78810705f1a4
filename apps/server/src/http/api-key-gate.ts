import type { MiddlewareHandler } from 'hono';
import { API_KEY_REQUESTS_PER_MINUTE, type ApiKeyScope } from '@roster/contracts';
import type { SessionUser } from '../auth/auth.ts';
import { consumePoint, sharedLimiter, type LimitStores } from '../auth/shared-limiter.ts';
import type { Db } from '../db/connect.ts';
import type { Clock } from '../lib/clock.ts';
import { DomainError, orgNotFound } from '../lib/domain-error.ts';
import type { Logger } from '../lib/logger.ts';
import { currentRequest } from '../lib/request-context.ts';
import { bearerToken, hashApiKey, looksLikeApiKey } from '../modules/api-keys/api-key-token.ts';
import { findApiKeyByHash, touchApiKey } from '../modules/api-keys/api-keys.repository.ts';
import type { AppEnv } from './context.ts';
import type { ApiOperation } from './openapi/operation.ts';

export interface ApiKeyGateDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** Where the per-key counters live: shared by every process (Redis, or the database). */
  limitStores: LimitStores;
  /** Requests one key may make a minute (API_KEY_REQUESTS_PER_MINUTE unless a test says). */
  requestsPerMinute?: number | undefined;
  operations: readonly ApiOperation[];
}

/** Whether the request authenticates with a key: it then never reads a cookie, nor needs an Origin. */
export const sendsBearer = (c: { req: { header(name: string): string | undefined } }) =>
  bearerToken(c.req.header('authorization')) !== null;

const ORG_PATH = /^\/api\/orgs\/([^/]+)(?:\/|$)/;
const TOUCH_EVERY_MS = 60_000;

interface Route {
  method: string;
  pattern: RegExp;
  scope: ApiKeyScope | undefined;
  public: boolean;
  statics: number;
}

/** Each operation as a matcher; where two match (`/members/export`, `/members/:userId`), the more literal wins. */
function routesOf(operations: readonly ApiOperation[]): Route[] {
  return operations
    .map((op) => ({
      method: op.method.toUpperCase(),
      pattern: new RegExp(`^${op.path.replace(/:\w+/g, '[^/]+')}/?$`),
      scope: op.apiKeyScope,
      public: op.access === 'public',
      statics: op.path.split('/').filter((part) => part && !part.startsWith(':')).length,
    }))
    .sort((a, b) => b.statics - a.statics);
}

/**
 * `Authorization: Bearer <key>` (ADR 31): the key is read by its hash on every request (so a
 * revocation holds at once on every process), counted against its limit across processes with
 * the IETF `RateLimit` headers, kept to its own org (any other is a 404, as for a stranger) and to
 * the routes its scopes name. It then acts through the same routes and policies as a person, as
 * its org's ADMIN (`readOrgAccess`, `runMutation`), which also refuse a key revoked meanwhile.
 */
export function apiKeyGate(deps: ApiKeyGateDeps): MiddlewareHandler<AppEnv> {
  const routes = routesOf(deps.operations);
  const quota = deps.requestsPerMinute ?? API_KEY_REQUESTS_PER_MINUTE;
  const limiter = sharedLimiter(deps.limitStores, { keyPrefix: 'api-key', points: quota, duration: 60 });
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    if (token === null) return next();
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    const route = routes.find((r) => r.method === method && r.pattern.test(c.req.path));
    // What anyone may call (health, the reference, an invitation's link) does not look at keys.
    if (route?.public) return next();
    const now = deps.clock.now();
    const key = looksLikeApiKey(token) ? await findApiKeyByHash(deps.db, hashApiKey(token)) : null;
    if (!key) throw new DomainError('API_KEY_INVALID', 'This API key is not valid');
    if (key.revokedAt) throw new DomainError('API_KEY_REVOKED', 'This API key was revoked');
    if (key.expiresAt && key.expiresAt <= now) throw new DomainError('API_KEY_EXPIRED', 'This API key has expired');

    const res = await consumePoint(limiter, key.id, deps.logger);
    if (res) {
      const reset = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
      c.header('RateLimit-Policy', `"default";q=${quota};w=60`);
      c.header('RateLimit', `"default";r=${Math.max(0, quota - res.consumedPoints)};t=${reset}`);
      if (res.consumedPoints > quota) {
        throw new DomainError('RATE_LIMITED', 'This API key made too many requests; slow down', {
          retryAfterSeconds: reset,
        });
      }
    }

    const orgId = ORG_PATH.exec(c.req.path)?.[1];
    if (orgId !== undefined && orgId !== key.orgId) throw orgNotFound();
    if (route && !route.scope) throw new DomainError('API_KEY_SCOPE_MISSING', 'API keys cannot use this route');
    if (route?.scope && !key.scopes.includes(route.scope)) {
      throw new DomainError('API_KEY_SCOPE_MISSING', `This API key needs the ${route.scope} scope`, {
        required: route.scope,
      });
    }

    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= TOUCH_EVERY_MS) {
      await touchApiKey(deps.db, { id: key.id, at: now, ip: currentRequest()?.ip ?? null }).catch((error: unknown) =>
        deps.logger.warn('could not note an API key use', { error: String(error) }),
      );
    }
    const principal: SessionUser = {
      id: key.id,
      name: key.name,
      email: '',
      emailVerified: true,
      twoFactorEnabled: false,
      sessionId: '',
      apiKey: { id: key.id, orgId: key.orgId, scopes: key.scopes },
    };
    c.set('user', principal);
    return next();
  };
}
