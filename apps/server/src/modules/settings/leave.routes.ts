import { Hono } from 'hono';
import { requireUser, type AppEnv } from '../../http/context.ts';
import type { MutationDeps } from '../../mutation/run-mutation.ts';
import { leaveOrg } from '../members/members.service.ts';

/** `POST /api/orgs/:orgId/leave`. */
export function leaveRoutes(deps: MutationDeps) {
  return new Hono<AppEnv>().post('/', async (c) => {
    await leaveOrg(deps, requireUser(c), c.req.param('orgId')!);
    return c.body(null, 204);
  });
}
