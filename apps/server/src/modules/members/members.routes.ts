import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import {
  BulkMembersActionSchema,
  EVENT_SEQ_HEADER,
  ListMembersQuerySchema,
  RemoveMemberQuerySchema,
  UndoMemberChangeSchema,
  UpdateMemberRoleSchema,
} from '@roster/contracts';
import { requireUser, type AppEnv } from '../../http/context.ts';
import { jsonBody, validate } from '../../http/validate.ts';
import type { MutationDeps } from '../../mutation/run-mutation.ts';
import { memberAccess } from './member-access.ts';
import { previewBulk, resolveBulk, runBulk } from './members-bulk.service.ts';
import { undoMemberChange } from './member-undo.service.ts';
import { changeMemberRoleRecorded, listOrgMembers, removeMemberRecorded } from './members.service.ts';

export function membersRoutes(deps: MutationDeps) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const query = validate(ListMembersQuerySchema, c.req.query());
      return c.json(await listOrgMembers(deps, requireUser(c), c.req.param('orgId')!, query));
    })
    .post('/bulk', async (c) => {
      const user = requireUser(c);
      const orgId = c.req.param('orgId')!;
      const body = validate(BulkMembersActionSchema, await jsonBody(c.req.raw));
      const selection = await resolveBulk(deps, user, orgId, body);
      if (body.preview) return c.json(await previewBulk(deps, user, orgId, body.action, selection));
      // One NDJSON line per row as it lands, so the page shows progress and per-row results.
      c.header('content-type', 'application/x-ndjson');
      return stream(c, async (out) => {
        for await (const row of runBulk(deps, user, orgId, body.action, selection.targets)) {
          await out.write(`${JSON.stringify(row)}\n`);
        }
      });
    })
    .post('/undo', async (c) => {
      const user = requireUser(c);
      const body = validate(UndoMemberChangeSchema, await jsonBody(c.req.raw));
      return c.json(await undoMemberChange(deps, user, c.req.param('orgId')!, body));
    })
    .get('/:userId/access', async (c) =>
      c.json(await memberAccess(deps.db, requireUser(c), c.req.param('orgId')!, c.req.param('userId'))),
    )
    .patch('/:userId', async (c) => {
      const user = requireUser(c);
      const body = validate(UpdateMemberRoleSchema, await jsonBody(c.req.raw));
      const change = await changeMemberRoleRecorded(deps, user, c.req.param('orgId')!, c.req.param('userId'), body);
      // Names the change's event, so the admin's Undo can point at it.
      if (change.eventSeq !== null) c.header(EVENT_SEQ_HEADER, String(change.eventSeq));
      return c.json(change.result);
    })
    .delete('/:userId', async (c) => {
      const user = requireUser(c);
      const { version } = validate(RemoveMemberQuerySchema, c.req.query());
      const change = await removeMemberRecorded(deps, user, c.req.param('orgId')!, c.req.param('userId'), version);
      c.header(EVENT_SEQ_HEADER, String(change.eventSeq));
      return c.body(null, 204);
    });
}
