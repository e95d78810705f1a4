import { Hono } from 'hono';
import { AddOrgDomainSchema, UpdateOrgDomainSchema, VerifyOrgDomainSchema } from '@roster/contracts';
import { requireUser, type AppEnv } from '../../http/context.ts';
import { jsonBody, validate } from '../../http/validate.ts';
import type { MutationDeps } from '../../mutation/run-mutation.ts';
import {
  addOrgDomain,
  listOrgDomains,
  removeOrgDomain,
  updateOrgDomain,
  verifyOrgDomain,
  type DomainDeps,
} from './domains.service.ts';
import { joinSuggestedOrg, suggestedOrgs } from './join-by-domain.service.ts';

/** `/api/orgs/:orgId/domains`: an org's mail domains (R21). */
export function domainsRoutes(deps: DomainDeps) {
  const orgId = (c: { req: { param(name: 'orgId'): string | undefined } }) => c.req.param('orgId')!;
  return new Hono<AppEnv>()
    .get('/', async (c) => c.json(await listOrgDomains(deps, requireUser(c), orgId(c))))
    .post('/', async (c) => {
      const user = requireUser(c);
      const body = validate(AddOrgDomainSchema, await jsonBody(c.req.raw));
      return c.json(await addOrgDomain(deps, user, orgId(c), body), 201);
    })
    .post('/:id/verify', async (c) => {
      const user = requireUser(c);
      const body = validate(VerifyOrgDomainSchema, await jsonBody(c.req.raw));
      return c.json(await verifyOrgDomain(deps, user, orgId(c), c.req.param('id'), body.token));
    })
    .patch('/:id', async (c) => {
      const user = requireUser(c);
      const body = validate(UpdateOrgDomainSchema, await jsonBody(c.req.raw));
      return c.json(await updateOrgDomain(deps, user, orgId(c), c.req.param('id'), body));
    })
    .delete('/:id', async (c) => {
      await removeOrgDomain(deps, requireUser(c), orgId(c), c.req.param('id'));
      return c.body(null, 204);
    });
}

/** `/api/me/suggested-orgs`: the orgs a person's verified address lets them join or ask to join. */
export function suggestedOrgsRoutes(deps: MutationDeps) {
  return new Hono<AppEnv>()
    .get('/', async (c) => c.json(await suggestedOrgs(deps, requireUser(c))))
    .post('/:orgId/join', async (c) => c.json(await joinSuggestedOrg(deps, requireUser(c), c.req.param('orgId'))));
}
