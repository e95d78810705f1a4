import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { bodyLimit } from 'hono/body-limit';
import { userFromHeaders, type Auth } from './auth/auth.ts';
import type { AppEnv } from './http/context.ts';
import { errorBody, errorHandler } from './http/error-handler.ts';
import { handleAuth } from './http/auth-routes.ts';
import { mutationGuard, originChecker } from './http/guards.ts';
import { devMailboxRoutes } from './mail/dev-mailbox.routes.ts';
import type { InvitationDeps } from './modules/invitations/invitation-context.ts';
import { invitationsRoutes } from './modules/invitations/invitations.routes.ts';
import { invitationLinkRoutes, myInvitationsRoutes } from './modules/invitations/invitee.routes.ts';
import { inviteRequestsRoutes, myInviteRequestsRoutes } from './modules/invitations/invite-requests.routes.ts';
import { eventsRoutes } from './modules/events/events.routes.ts';
import { meRoutes } from './modules/me/me.routes.ts';
import { membersRoutes } from './modules/members/members.routes.ts';
import { leaveRoutes } from './modules/settings/leave.routes.ts';
import { settingsRoutes } from './modules/settings/settings.routes.ts';
import { workspacesRoutes } from './modules/workspaces/workspaces.routes.ts';

export interface AppDeps extends InvitationDeps {
  auth: Auth;
  trustedOrigins: string[];
  /** Serve the dev mailbox: exactly when no SMTP server is configured. */
  devMailbox: boolean;
}

/** The HTTP API. Everything it needs is passed in, so tests build the real thing. */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.onError(errorHandler(deps.logger));
  app.use('*', requestId());
  app.use('*', secureHeaders({ crossOriginEmbedderPolicy: false }));
  app.use('/api/*', bodyLimit({ maxSize: 1024 * 1024 }));
  app.use('/api/*', mutationGuard(originChecker(deps.trustedOrigins)));

  app.get('/api/health', (c) => c.json({ ok: true as const }));
  app.on(['GET', 'POST'], '/api/auth/*', (c) => handleAuth(deps.auth, c));

  app.use('/api/*', async (c, next) => {
    c.set('user', await userFromHeaders(deps.auth, c.req.raw.headers));
    await next();
  });
  app.route('/api/me/invitations', myInvitationsRoutes(deps));
  app.route('/api/me/invite-requests', myInviteRequestsRoutes(deps));
  app.route('/api/me', meRoutes(deps.db));
  app.route('/api/orgs/:orgId/members', membersRoutes(deps));
  app.route('/api/orgs/:orgId/invitations', invitationsRoutes(deps));
  app.route('/api/orgs/:orgId/invite-requests', inviteRequestsRoutes(deps));
  app.route('/api/orgs/:orgId/workspaces', workspacesRoutes(deps));
  app.route('/api/orgs/:orgId/settings', settingsRoutes(deps));
  app.route('/api/orgs/:orgId/leave', leaveRoutes(deps));
  app.route('/api/invitations', invitationLinkRoutes(deps));
  if (deps.devMailbox) app.route('/api/dev/mailbox', devMailboxRoutes(deps.db));
  app.route('/api/orgs/:orgId/events', eventsRoutes(deps.db));
  app.all('/api/*', (c) => c.json(errorBody('NOT_FOUND', 'No such endpoint'), 404));
  return app;
}

export type App = ReturnType<typeof createApp>;
