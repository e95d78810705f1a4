import type { MiddlewareHandler } from 'hono';
import type { Db } from '../db/connect.ts';
import { assertTwoFactorSatisfied } from '../modules/orgs/two-factor-requirement.ts';
import type { AppEnv } from './context.ts';

/**
 * Every route of an org that requires two-factor sign-in refuses its members who have none.
 * Strangers and signed-out callers pass through to the routes, which refuse them as usual.
 */
export function twoFactorGuard(db: Db): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.get('user');
    const orgId = c.req.param('orgId');
    if (user && orgId) await assertTwoFactorSatisfied(db, orgId, user.id);
    return next();
  };
}
