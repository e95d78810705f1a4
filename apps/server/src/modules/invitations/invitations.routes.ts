import { Hono, type Context } from 'hono';
import {
  CreateInvitationsSchema,
  IDEMPOTENCY_KEY_HEADER,
  IdempotencyKeySchema,
  InvitationVersionSchema,
  ListInvitationsQuerySchema,
  UpdateInvitationSchema,
} from '@roster/contracts';
import { requireUser, type AppEnv } from '../../http/context.ts';
import { jsonBody, validate } from '../../http/validate.ts';
import { createInvitations } from './create-invitations.service.ts';
import type { InvitationDeps } from './invitation-context.ts';
import { listOrgInvitations } from './list-invitations.service.ts';
import { reissueInvitation, revokeInvitation, updateInvitation, type Reissue } from './manage-invitations.service.ts';

/** `/api/orgs/:orgId/invitations`: what admins (and, per policy, members) do with invitations. */
export function invitationsRoutes(deps: InvitationDeps) {
  const target = (c: Context<AppEnv>) => ({
    user: requireUser(c),
    orgId: c.req.param('orgId')!,
    id: c.req.param('id')!,
  });
  const reissue = (how: Reissue) => async (c: Context<AppEnv>) => {
    const t = target(c);
    const { version } = validate(InvitationVersionSchema, await jsonBody(c.req.raw));
    const { invitation } = await reissueInvitation(deps, t, version, how);
    return c.json(invitation);
  };
  return (
    new Hono<AppEnv>()
      .get('/', async (c) => {
        const user = requireUser(c);
        const query = validate(ListInvitationsQuerySchema, c.req.query());
        return c.json(await listOrgInvitations(deps, user, c.req.param('orgId')!, query));
      })
      .post('/', async (c) => {
        const user = requireUser(c);
        const header = c.req.header(IDEMPOTENCY_KEY_HEADER);
        const key = header === undefined ? undefined : validate(IdempotencyKeySchema, header);
        const body = validate(CreateInvitationsSchema, await jsonBody(c.req.raw));
        return c.json(await createInvitations(deps, user, c.req.param('orgId')!, body, key));
      })
      .patch('/:id', async (c) => {
        const t = target(c);
        return c.json(await updateInvitation(deps, t, validate(UpdateInvitationSchema, await jsonBody(c.req.raw))));
      })
      .post('/:id/resend', reissue('resend'))
      .post('/:id/renew', reissue('renew'))
      .post('/:id/revoke', async (c) => {
        const t = target(c);
        const { version } = validate(InvitationVersionSchema, await jsonBody(c.req.raw));
        return c.json(await revokeInvitation(deps, t, version));
      })
      // A POST: it replaces the link, so it gets the Origin check every change gets.
      // No version: copying a link applies to the invitation as it is.
      .post('/:id/link', async (c) => c.json(await reissueInvitation(deps, target(c), undefined, 'link')))
  );
}
