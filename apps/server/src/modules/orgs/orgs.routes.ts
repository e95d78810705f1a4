import { Hono } from 'hono';
import { CreateOrgSchema } from '@roster/contracts';
import { requireUser, type AppEnv } from '../../http/context.ts';
import { jsonBody, validate } from '../../http/validate.ts';
import { createOrganization, type CreateOrgDeps } from './create-org.service.ts';

/** `POST /api/orgs`. */
export function createOrgRoutes(deps: CreateOrgDeps) {
  return new Hono<AppEnv>().post('/', async (c) => {
    const user = requireUser(c);
    const body = validate(CreateOrgSchema, await jsonBody(c.req.raw));
    return c.json(await createOrganization(deps, user, body), 201);
  });
}
