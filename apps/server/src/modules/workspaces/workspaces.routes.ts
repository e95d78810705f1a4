import { Hono } from 'hono';
import {
  AddWorkspaceMembersSchema,
  CreateWorkspaceSchema,
  DeleteWorkspaceQuerySchema,
  RemoveWorkspaceMemberQuerySchema,
  RenameWorkspaceSchema,
  UpdateWorkspaceMemberSchema,
  WorkspacePeopleQuerySchema,
} from '@roster/contracts';
import { requireUser, type AppEnv } from '../../http/context.ts';
import { jsonBody, validate } from '../../http/validate.ts';
import * as lifecycle from './workspace-lifecycle.service.ts';
import * as workspaces from './workspaces.service.ts';

export function workspacesRoutes(deps: workspaces.PeopleSearchDeps) {
  return new Hono<AppEnv>()
    .get('/', async (c) => c.json(await workspaces.listOrgWorkspaces(deps, requireUser(c), c.req.param('orgId')!)))
    .post('/', async (c) => {
      const user = requireUser(c);
      const { name } = validate(CreateWorkspaceSchema, await jsonBody(c.req.raw));
      return c.json(await workspaces.createOrgWorkspace(deps, user, c.req.param('orgId')!, name), 201);
    })
    .patch('/:wsId', async (c) => {
      const user = requireUser(c);
      const body = validate(RenameWorkspaceSchema, await jsonBody(c.req.raw));
      return c.json(await lifecycle.renameOrgWorkspace(deps, user, c.req.param('orgId')!, c.req.param('wsId'), body));
    })
    .delete('/:wsId', async (c) => {
      const user = requireUser(c);
      const { version } = validate(DeleteWorkspaceQuerySchema, c.req.query());
      await lifecycle.deleteOrgWorkspace(deps, user, c.req.param('orgId')!, c.req.param('wsId'), version);
      return c.body(null, 204);
    })
    .get('/:wsId/deletion-impact', async (c) =>
      c.json(await lifecycle.workspaceDeletionImpact(deps, requireUser(c), c.req.param('orgId')!, c.req.param('wsId'))),
    )
    .get('/:wsId/members', async (c) =>
      c.json(await workspaces.listMembersOfWorkspace(deps, requireUser(c), c.req.param('orgId')!, c.req.param('wsId'))),
    )
    .get('/:wsId/people', async (c) => {
      const user = requireUser(c);
      const query = validate(WorkspacePeopleQuerySchema, c.req.query());
      const { orgId, wsId } = c.req.param() as { orgId: string; wsId: string };
      return c.json(await workspaces.searchPeopleForWorkspace(deps, user, orgId, wsId, query));
    })
    .post('/:wsId/members', async (c) => {
      const user = requireUser(c);
      const body = validate(AddWorkspaceMembersSchema, await jsonBody(c.req.raw));
      const added = await workspaces.addWorkspaceMembers(deps, user, c.req.param('orgId')!, c.req.param('wsId'), body);
      return c.json({ items: added }, 201);
    })
    .patch('/:wsId/members/:userId', async (c) => {
      const user = requireUser(c);
      const body = validate(UpdateWorkspaceMemberSchema, await jsonBody(c.req.raw));
      const { orgId, wsId, userId } = c.req.param() as { orgId: string; wsId: string; userId: string };
      return c.json(await workspaces.changeWorkspaceRole(deps, user, orgId, wsId, userId, body));
    })
    .delete('/:wsId/members/:userId', async (c) => {
      const user = requireUser(c);
      const { version } = validate(RemoveWorkspaceMemberQuerySchema, c.req.query());
      const { orgId, wsId, userId } = c.req.param() as { orgId: string; wsId: string; userId: string };
      await workspaces.removeFromWorkspace(deps, user, orgId, wsId, userId, version);
      return c.body(null, 204);
    });
}
