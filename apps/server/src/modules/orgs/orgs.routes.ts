import { Hono } from 'hono';
import { CreateOrgSchema, DeleteOrgSchema, TransferOrgSchema, UpdateOrgSchema } from '@roster/contracts';
import { requireUser, type AppEnv } from '../../http/context.ts';
import { jsonBody, validate } from '../../http/validate.ts';
import { createOrganization, type CreateOrgDeps } from './create-org.service.ts';
import { deleteOrganization, restoreOrganization, type DeleteOrgDeps } from './delete-org.service.ts';
import { findOrganizationBySlug, getOrganization, updateOrganization } from './orgs.service.ts';
import { transferOrganization } from './transfer-org.service.ts';

/** `POST /api/orgs` and `GET /api/orgs/by-slug/:slug`: routes of no one org. */
export function createOrgRoutes(deps: CreateOrgDeps) {
  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const user = requireUser(c);
      const body = validate(CreateOrgSchema, await jsonBody(c.req.raw));
      return c.json(await createOrganization(deps, user, body), 201);
    })
    .get('/by-slug/:slug', async (c) =>
      c.json(await findOrganizationBySlug(deps, requireUser(c), c.req.param('slug'))),
    );
}

/** `/api/orgs/:orgId` itself: read, rename, hand over the creator role, delete and restore. */
export function orgRoutes(deps: DeleteOrgDeps) {
  return new Hono<AppEnv>()
    .get('/', async (c) => c.json(await getOrganization(deps, requireUser(c), c.req.param('orgId')!)))
    .patch('/', async (c) => {
      const user = requireUser(c);
      const body = validate(UpdateOrgSchema, await jsonBody(c.req.raw));
      return c.json(await updateOrganization(deps, user, c.req.param('orgId')!, body));
    })
    .post('/transfer', async (c) => {
      const user = requireUser(c);
      const body = validate(TransferOrgSchema, await jsonBody(c.req.raw));
      return c.json(await transferOrganization(deps, user, c.req.param('orgId')!, body));
    })
    .delete('/', async (c) => {
      const user = requireUser(c);
      const body = validate(DeleteOrgSchema, await jsonBody(c.req.raw));
      return c.json(await deleteOrganization(deps, user, c.req.param('orgId')!, body));
    })
    .post('/restore', async (c) => c.json(await restoreOrganization(deps, requireUser(c), c.req.param('orgId')!)));
}
