import { Hono } from 'hono';
import { CreateApiKeySchema } from '@roster/contracts';
import { requireUser, type AppEnv } from '../../http/context.ts';
import { jsonBody, validate } from '../../http/validate.ts';
import type { MutationDeps } from '../../mutation/run-mutation.ts';
import { createOrgApiKey, listOrgApiKeys, revokeOrgApiKey } from './api-keys.service.ts';

/** `/api/orgs/:orgId/api-keys`: the org's keys for programs (admins). */
export function apiKeysRoutes(deps: MutationDeps) {
  const orgId = (c: { req: { param(name: 'orgId'): string | undefined } }) => c.req.param('orgId')!;
  return new Hono<AppEnv>()
    .get('/', async (c) => c.json(await listOrgApiKeys(deps, requireUser(c), orgId(c))))
    .post('/', async (c) => {
      const user = requireUser(c);
      const body = validate(CreateApiKeySchema, await jsonBody(c.req.raw));
      return c.json(await createOrgApiKey(deps, user, orgId(c), body), 201);
    })
    .delete('/:id', async (c) => {
      await revokeOrgApiKey(deps, requireUser(c), orgId(c), c.req.param('id'));
      return c.body(null, 204);
    });
}
