import type { MiddlewareHandler } from 'hono';
import type { Db } from '../db/connect.ts';
import { orgNotFound } from '../lib/domain-error.ts';
import { readOrgGate } from '../modules/orgs/org-access.repository.ts';
import { twoFactorRequired } from '../modules/orgs/two-factor-requirement.ts';
import type { AppEnv } from './context.ts';

/** What the creator of a deleted org can still reach: the org itself, and its restore. */
const OPEN_WHILE_DELETED = /^\/api\/orgs\/[^/]+(\/restore)?\/?$/;

/**
 * One read before every route of an org, refusing what no route should answer:
 * - a deleted org (waiting for its purge) is gone for everyone, `ORG_NOT_FOUND`, except that
 *   its creator may still read it and restore it;
 * - an org that requires two-factor sign-in refuses its members who have none.
 * Strangers and signed-out callers of an active org pass through to the routes, which refuse
 * them as usual.
 */
export function orgGuard(db: Db): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.get('user');
    const orgId = c.req.param('orgId');
    if (!user || !orgId) return next();
    const gate = await readOrgGate(db, orgId, user.id);
    if (gate?.status === 'pending_deletion') {
      const creatorMayPass = gate.createdBy === user.id && gate.isMember && OPEN_WHILE_DELETED.test(c.req.path);
      if (!creatorMayPass) throw orgNotFound();
    }
    // An API key has no second factor to show: it is its org's, which made it (ADR 31).
    if (gate?.twoFactorLocked && !user.apiKey) throw twoFactorRequired(orgId);
    return next();
  };
}
