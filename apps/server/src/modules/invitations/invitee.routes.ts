import { Hono } from 'hono';
import type { ListMyInvitationsResponse } from '@roster/contracts';
import { requireUser, type AppEnv } from '../../http/context.ts';
import type { InvitationDeps } from './invitation-context.ts';
import { acceptInvitation, declineInvitation, myInvitations, viewInvitation } from './invitee.service.ts';

/** `/api/invitations/:token`: the link in the mail. Viewing is public; deciding needs a session. */
export function invitationLinkRoutes(deps: InvitationDeps) {
  return new Hono<AppEnv>()
    .get('/:token', async (c) => c.json(await viewInvitation(deps, c.get('user'), c.req.param('token'))))
    .post('/:token/accept', async (c) => {
      const user = requireUser(c);
      return c.json(await acceptInvitation(deps, user, { token: c.req.param('token') }));
    })
    .post('/:token/decline', async (c) => {
      await declineInvitation(deps, requireUser(c), { token: c.req.param('token') });
      return c.body(null, 204);
    });
}

/** `/api/me/invitations`: the signed-in person's inbox, across orgs. */
export function myInvitationsRoutes(deps: InvitationDeps) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const body: ListMyInvitationsResponse = { items: await myInvitations(deps, requireUser(c)) };
      return c.json(body);
    })
    .post('/:id/accept', async (c) => {
      const user = requireUser(c);
      return c.json(await acceptInvitation(deps, user, { id: c.req.param('id') }));
    })
    .post('/:id/decline', async (c) => {
      await declineInvitation(deps, requireUser(c), { id: c.req.param('id') });
      return c.body(null, 204);
    });
}
