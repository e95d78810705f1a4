import { Hono, type Context } from 'hono';
import {
  ApproveInviteRequestSchema,
  ListInviteRequestsQuerySchema,
  ListMyInviteRequestsQuerySchema,
  RejectInviteRequestSchema,
  type ListMyInviteRequestsResponse,
} from '@roster/contracts';
import { requireUser, type AppEnv } from '../../http/context.ts';
import { jsonBody, validate } from '../../http/validate.ts';
import { approveInviteRequest, rejectInviteRequest } from './decide-invite-request.service.ts';
import type { InvitationDeps } from '../invitations/invitation-context.ts';
import { listMyInviteRequests, listOrgInviteRequests } from './list-invite-requests.service.ts';

/** `/api/orgs/:orgId/invite-requests`: admins decide what members proposed (R1, R3). */
export function inviteRequestsRoutes(deps: InvitationDeps) {
  const target = (c: Context<AppEnv>) => ({
    user: requireUser(c),
    orgId: c.req.param('orgId')!,
    id: c.req.param('id')!,
  });
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const user = requireUser(c);
      const query = validate(ListInviteRequestsQuerySchema, c.req.query());
      return c.json(await listOrgInviteRequests(deps, user, c.req.param('orgId')!, query));
    })
    .post('/:id/approve', async (c) => {
      const t = target(c);
      const body = validate(ApproveInviteRequestSchema, await jsonBody(c.req.raw));
      return c.json(await approveInviteRequest(deps, t, body));
    })
    .post('/:id/reject', async (c) => {
      const t = target(c);
      const body = validate(RejectInviteRequestSchema, await jsonBody(c.req.raw));
      return c.json(await rejectInviteRequest(deps, t, body));
    });
}

/** `/api/me/invite-requests`: the signed-in member's own requests, in one org or all. */
export function myInviteRequestsRoutes(deps: InvitationDeps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const user = requireUser(c);
    const { orgId } = validate(ListMyInviteRequestsQuerySchema, c.req.query());
    const body: ListMyInviteRequestsResponse = { items: await listMyInviteRequests(deps, user, orgId) };
    return c.json(body);
  });
}
