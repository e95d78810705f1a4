import { Hono } from 'hono';
import { ListMembersQuerySchema, RemoveMemberQuerySchema, UpdateMemberRoleSchema } from '@roster/contracts';
import { requireUser, type AppEnv } from '../../http/context.ts';
import { jsonBody, validate } from '../../http/validate.ts';
import type { MutationDeps } from '../../mutation/run-mutation.ts';
import { changeMemberRole, listOrgMembers, removeMember } from './members.service.ts';

export function membersRoutes(deps: MutationDeps) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const query = validate(ListMembersQuerySchema, c.req.query());
      return c.json(await listOrgMembers(deps, requireUser(c), c.req.param('orgId')!, query));
    })
    .patch('/:userId', async (c) => {
      const user = requireUser(c);
      const body = validate(UpdateMemberRoleSchema, await jsonBody(c.req.raw));
      return c.json(await changeMemberRole(deps, user, c.req.param('orgId')!, c.req.param('userId'), body));
    })
    .delete('/:userId', async (c) => {
      const user = requireUser(c);
      const { version } = validate(RemoveMemberQuerySchema, c.req.query());
      await removeMember(deps, user, c.req.param('orgId')!, c.req.param('userId'), version);
      return c.body(null, 204);
    });
}
