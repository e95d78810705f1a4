import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { bodyLimit } from 'hono/body-limit';
import type { Auth, AuthHooks } from './auth/auth.ts';
import type { SessionReader } from './auth/session-reader.ts';
import { isLoopback, type TrustProxy } from './auth/client-ip.ts';
import { clientAddress, IN_PROCESS } from './http/client-address.ts';
import type { AppEnv } from './http/context.ts';
import { errorBody, errorHandler, payloadTooLarge } from './http/error-handler.ts';
import { pathGuard, queryGuard } from './http/input-guard.ts';
import { handleAuth } from './http/auth-routes.ts';
import { orgGuard } from './http/org-guard.ts';
import { apiKeyGate, sendsBearer } from './http/api-key-gate.ts';
import { apiOperations } from './http/openapi/operations/index.ts';
import type { LimitStores } from './auth/shared-limiter.ts';
import { apiKeysRoutes } from './modules/api-keys/api-keys.routes.ts';
import { openApiRoutes } from './http/openapi/openapi.routes.ts';
import { domainsRoutes, suggestedOrgsRoutes } from './modules/domains/domains.routes.ts';
import { webhooksRoutes } from './modules/webhooks/webhooks.routes.ts';
import type { WebhookSettings } from './modules/webhooks/webhooks.service.ts';
import type { TokenSealer } from './mail/token-sealer.ts';
import { mutationGuard, originChecker } from './http/guards.ts';
import { requestTimeout } from './http/request-timeout.ts';
import { requestLog } from './http/request-log.ts';
import { securityHeaders } from './http/security-headers.ts';
import { orgLane } from './http/org-lane.ts';
import { devMailboxRoutes } from './mail/dev-mailbox.routes.ts';
import type { AccessRequestLimit } from './modules/access-requests/access-request-limit.ts';
import { accessRequestsRoutes, orgAdminsRoutes } from './modules/access-requests/access-requests.routes.ts';
import type { InvitationDeps } from './modules/invitations/invitation-context.ts';
import { invitationsRoutes } from './modules/invitations/invitations.routes.ts';
import { invitationLinkRoutes, myInvitationsRoutes } from './modules/invitations/invitee.routes.ts';
import { invitationSignUpRoutes } from './modules/invitations/invitation-sign-up.routes.ts';
import { inviteRequestsRoutes, myInviteRequestsRoutes } from './modules/invite-requests/invite-requests.routes.ts';
import { eventsRoutes } from './modules/events/events.routes.ts';
import { auditRoutes, membersExportRoutes } from './modules/audit/audit.routes.ts';
import type { AuditPageEncoder } from './modules/audit/audit-page-encoder.ts';
import { deleteAccountRoutes, sessionsRoutes } from './modules/account/account.routes.ts';
import { passwordGuard } from './modules/account/account-auth.ts';
import { meRoutes } from './modules/me/me.routes.ts';
import { membersRoutes } from './modules/members/members.routes.ts';
import type { OrgCreationLimit } from './modules/orgs/org-creation-limit.ts';
import { createOrgRoutes, orgRoutes } from './modules/orgs/orgs.routes.ts';
import { leaveRoutes } from './modules/settings/leave.routes.ts';
import { settingsRoutes } from './modules/settings/settings.routes.ts';
import type { PeopleSearchLimit } from './modules/workspaces/people-search-limit.ts';
import { workspacesRoutes } from './modules/workspaces/workspaces.routes.ts';
import { closeSessionSockets } from './realtime/session-sockets.ts';
import type { OrgQueue } from './mutation/org-queue.ts';

export interface AppDeps extends InvitationDeps {
  auth: Auth;
  /** Who a request is, from its session cookie (ADR 35). */
  sessions: SessionReader;
  authHooks: AuthHooks;
  /** How to read the client's address (TRUST_PROXY): limits and the dev mailbox use it. */
  trustProxy: TrustProxy;
  rateLimit: boolean;
  trustedOrigins: string[];
  /** Serve the dev mailbox: exactly when no SMTP server is configured. */
  devMailbox: boolean;
  /** Past this, an unanswered API request is answered 503 BUSY. */
  requestTimeoutMs: number;
  /** Where one org's changing requests wait for their turn (http/org-lane.ts). */
  orgLane: OrgQueue;
  peopleSearchLimit: PeopleSearchLimit;
  accessRequestLimit: AccessRequestLimit;
  orgCreationLimit: OrgCreationLimit;
  /** MAX_ORGS_PER_USER: orgs one person may have created. */
  maxOrgsPerUser: number;
  /** ORG_DELETE_GRACE_DAYS: how long a deleted org can be restored. */
  orgDeleteGraceDays: number;
  /** Where the per-API-key counters live (shared by every process). */
  limitStores: LimitStores;
  /** Requests one API key may make a minute (default API_KEY_REQUESTS_PER_MINUTE). */
  apiKeyRequestsPerMinute?: number | undefined;
  /** WEBHOOK_ALLOW_PRIVATE, and the resolver the webhook URL guard asks. */
  webhooks: WebhookSettings;
  /** Seals and opens webhook signing secrets. */
  webhookSealer: TokenSealer;
  /** `/api/docs`, the browsable reference: the Node server has its files, mock mode does not. */
  apiReference?: Hono<AppEnv> | undefined;
  /** Encodes audit exports off the event loop (Node only); mock mode encodes on its own thread. */
  auditPageEncoder?: AuditPageEncoder | undefined;
}

const MAX_BODY_BYTES = 1024 * 1024;

/** The HTTP API. Everything it needs is passed in, so tests build the real thing. */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.onError(errorHandler(deps.logger));
  app.use('*', requestId());
  app.use('*', requestLog(deps.logger, deps.trustProxy));
  app.use('/api/*', requestTimeout(deps.requestTimeoutMs));
  app.use('*', securityHeaders(deps));
  // The largest request (a bulk change of 10,000 rows) fits; anything bigger is refused unread.
  app.use('/api/*', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: payloadTooLarge }));
  app.use('/api/*', pathGuard(), queryGuard());
  app.use('/api/*', mutationGuard(originChecker(deps.trustedOrigins)));
  app.use(
    '/api/*',
    apiKeyGate({
      db: deps.db,
      clock: deps.clock,
      logger: deps.logger,
      limitStores: deps.limitStores,
      requestsPerMinute: deps.apiKeyRequestsPerMinute,
      operations: apiOperations,
    }),
  );
  app.use('/api/orgs/:orgId/*', orgLane(deps.orgLane));

  app.get('/api/health', (c) => c.json({ ok: true as const }));
  app.route('/api', openApiRoutes());
  if (deps.apiReference) app.route('/api/docs', deps.apiReference);
  const authGate = {
    auth: deps.auth,
    sessions: deps.sessions,
    hooks: deps.authHooks,
    trustProxy: deps.trustProxy,
    rateLimit: deps.rateLimit,
  };
  // Signing out also closes that session's live connections, on every process.
  app.post('/api/auth/sign-out', async (c) => {
    const user = await deps.sessions.userFrom(c.req.raw.headers);
    const response = await handleAuth(authGate, c);
    if (response.ok && user) closeSessionSockets(deps.publisher, [user.sessionId], deps.logger);
    return response;
  });
  app.on(['GET', 'POST'], '/api/auth/*', (c) => handleAuth(authGate, c));

  app.use('/api/*', async (c, next) => {
    // A request with an API key is its key's (apiKeyGate); its cookies are never read.
    if (sendsBearer(c)) return next();
    const renewed: string[] = [];
    c.set('user', await deps.sessions.userFrom(c.req.raw.headers, renewed));
    await next();
    if (renewed.length === 0) return;
    // The library renewed or ended the session: the browser's cookie follows. Assigning makes
    // a fresh copy of the response, whose headers can be added to (a response passed through
    // from elsewhere may hold immutable ones).
    c.res = new Response(c.res.body, c.res);
    for (const cookie of renewed) c.res.headers.append('set-cookie', cookie);
  });
  app.route('/api/me/invitations', myInvitationsRoutes(deps));
  app.route('/api/me/invite-requests', myInviteRequestsRoutes(deps));
  app.route('/api/me/sessions', sessionsRoutes(deps));
  const passwords = passwordGuard(deps.authHooks.limits, (email) => deps.authHooks.notifyLocked(email), deps.rateLimit);
  app.route('/api/me/delete', deleteAccountRoutes(deps, passwords));
  app.route('/api/me/suggested-orgs', suggestedOrgsRoutes(deps));
  app.route('/api/me', meRoutes(deps));
  app.route('/api/orgs', createOrgRoutes(deps));
  app.use('/api/orgs/:orgId/*', orgGuard(deps.db));
  app.route('/api/orgs/:orgId/members/export', membersExportRoutes(deps));
  app.route('/api/orgs/:orgId/members', membersRoutes(deps));
  app.route('/api/orgs/:orgId/audit', auditRoutes(deps));
  app.route('/api/orgs/:orgId/invitations', invitationsRoutes(deps));
  app.route('/api/orgs/:orgId/invite-requests', inviteRequestsRoutes(deps));
  app.route('/api/orgs/:orgId/workspaces', workspacesRoutes(deps));
  app.route('/api/orgs/:orgId/settings', settingsRoutes(deps));
  app.route('/api/orgs/:orgId/leave', leaveRoutes(deps));
  app.route('/api/orgs/:orgId/admins', orgAdminsRoutes(deps));
  app.route('/api/orgs/:orgId/access-requests', accessRequestsRoutes(deps));
  app.route('/api/orgs/:orgId/domains', domainsRoutes(deps));
  app.route('/api/orgs/:orgId/api-keys', apiKeysRoutes(deps));
  app.route('/api/orgs/:orgId/webhooks', webhooksRoutes(deps));
  app.route('/api/orgs/:orgId', orgRoutes(deps));
  app.route('/api/invitations', invitationSignUpRoutes(deps));
  app.route('/api/invitations', invitationLinkRoutes(deps));
  if (deps.devMailbox) {
    // The newcomer reads it on their own machine; from anywhere else it does not exist.
    app.use('/api/dev/mailbox/*', async (c, next) => {
      const address = clientAddress(c, deps.trustProxy);
      if (address !== IN_PROCESS && !isLoopback(address))
        return c.json(errorBody('NOT_FOUND', 'No such endpoint'), 404);
      await next();
    });
    app.route('/api/dev/mailbox', devMailboxRoutes(deps.db));
  }
  app.route('/api/orgs/:orgId/events', eventsRoutes(deps.db));
  app.all('/api/*', (c) => c.json(errorBody('NOT_FOUND', 'No such endpoint'), 404));
  return app;
}

export type App = ReturnType<typeof createApp>;
