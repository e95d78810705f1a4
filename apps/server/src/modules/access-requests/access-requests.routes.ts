import { Hono } from 'hono';
import { CreateAccessRequestSchema } from '@roster/contracts';
import { requireUser, type AppEnv } from '../../http/context.ts';
import { jsonBody, validate } from '../../http/validate.ts';
import { orgAdmins, requestAccess, type AccessRequestDeps } from './access-requests.service.ts';

/** `/api/orgs/:orgId/admins`: whom to ask, for anyone in the org. */
export function orgAdminsRoutes(deps: AccessRequestDeps) {
  return new Hono<AppEnv>().get('/', async (c) =>
    c.json(await orgAdmins(deps.db, requireUser(c), c.req.param('orgId')!)),
  );
}

/** `/api/orgs/:orgId/access-requests`: someone behind "Access restricted" asks the admins. */
export function accessRequestsRoutes(deps: AccessRequestDeps) {
  return new Hono<AppEnv>().post('/', async (c) => {
    const user = requireUser(c);
    const body = validate(CreateAccessRequestSchema, await jsonBody(c.req.raw));
    return c.json(await requestAccess(deps, user, c.req.param('orgId')!, body));
  });
}
