import { createApp, type App, type AppDeps } from './app.ts';
import { createAuth, type Auth, type AuthHooks } from './auth/auth.ts';
import { createSessionReader, type SessionReader } from './auth/session-reader.ts';
import { createAuthLimits } from './auth/auth-limits.ts';
import type { TrustProxy } from './auth/client-ip.ts';
import type { Db } from './db/connect.ts';
import { DEFAULT_MAX_ORGS_PER_USER, DEFAULT_ORG_DELETE_GRACE_DAYS } from '@roster/contracts';
import type { Clock } from './lib/clock.ts';
import type { Logger } from './lib/logger.ts';
import type { RedisClient } from './lib/redis-client.ts';
import { startMail, type Mail } from './mail/mail.ts';
import { createAccessRequestLimit } from './modules/access-requests/access-request-limit.ts';
import { syncChangedAccount } from './modules/me/me.service.ts';
import { createOrgCreationLimit } from './modules/orgs/org-creation-limit.ts';
import { createPeopleSearchLimit } from './modules/workspaces/people-search-limit.ts';
import { createOrgQueue } from './mutation/org-queue.ts';
import type { MutationDeps } from './mutation/run-mutation.ts';
import type { Publisher } from './realtime/publisher.ts';
import { webhookSealer, type WebhookSettings } from './modules/webhooks/webhooks.service.ts';

export interface ComposeConfig {
  db: Db;
  logger: Logger;
  clock: Clock;
  secret: string;
  /** The app's public URL (links in mail, the auth library's base URL). */
  url: string;
  trustedOrigins: string[];
  trustProxy: TrustProxy;
  rateLimit: boolean;
  /** Shares the rate-limit counters between processes; without it they live in the database. */
  limitsRedis?: RedisClient | undefined;
  /** Outgoing mail server; without it mail lands in the dev mailbox. */
  smtpUrl?: string | undefined;
  mail?: { retryDelaysMs?: number[]; pollMs?: number } | undefined;
  requestTimeoutMs: number;
  orgQueueWaitMs: number;
  /** MAX_ORGS_PER_USER: orgs one person may have created (default 20). */
  maxOrgsPerUser?: number | undefined;
  /** ORG_DELETE_GRACE_DAYS: how long a deleted org can be restored (default 14). */
  orgDeleteGraceDays?: number | undefined;
  /** Requests one API key may make a minute (default API_KEY_REQUESTS_PER_MINUTE). */
  apiKeyRequestsPerMinute?: number | undefined;
  /** WEBHOOK_ALLOW_PRIVATE (off by default): webhooks may reach private addresses and plain http. */
  webhooks?: WebhookSettings | undefined;
  /** `/api/docs` (Node only: it serves the viewer's files from the installed package). */
  apiReference?: AppDeps['apiReference'];
  /** Audit exports' encoding in a worker thread (Node only). */
  auditPageEncoder?: AppDeps['auditPageEncoder'];
  /**
   * Where committed changes go, built once sessions can be read (Socket.IO needs that to
   * authenticate sockets): the Node server's realtime module, or mock mode's bridge in the tab.
   */
  live(sessions: SessionReader): LiveSide;
}

export interface LiveSide {
  publisher: Publisher;
  /** Sign-in sessions were revoked: their sockets must close. */
  onSessionsRevoked(userId: string): Promise<void>;
}

export interface ComposedApp {
  app: App;
  auth: Auth;
  mail: Mail;
  mutationDeps: MutationDeps;
}

/**
 * The one wiring of the app's parts, shared by the Node server and mock mode in the tab, so
 * the two cannot drift: the auth library, the mail outbox, the org queues, the limits and the
 * routes. What only one of them has (an HTTP server, Socket.IO, Redis, sweepers) stays outside.
 */
export function composeApp(config: ComposeConfig): ComposedApp {
  const { db, logger } = config;
  // The auth library calls back into mail and the mutation path, which exist only later.
  let mailRef: Mail | undefined;
  let mutationDepsRef: MutationDeps | undefined;
  let liveRef: LiveSide | undefined;
  const stores = { db, redis: config.limitsRedis, logger };
  const authHooks: AuthHooks = {
    mail: { send: (request) => mailRef!.account.send(request) },
    limits: createAuthLimits(stores),
    onSessionsRevoked: (userId) => liveRef!.onSessionsRevoked(userId),
    onAccountChanged: (userId) => syncChangedAccount(mutationDepsRef!, userId),
    async notifyLocked(email) {
      const user = await db.selectFrom('users').select(['email', 'name']).where('email', '=', email).executeTakeFirst();
      if (user) await mailRef!.account.send({ template: 'account-locked', to: user.email, name: user.name });
    },
  };
  const auth = createAuth({
    db,
    secret: config.secret,
    baseURL: config.url,
    trustedOrigins: config.trustedOrigins,
    hooks: authHooks,
    logger,
  });
  const sessions = createSessionReader(auth, db);
  const live = config.live(sessions);
  const mutationDeps: MutationDeps = {
    db,
    clock: config.clock,
    logger,
    publisher: live.publisher,
    orgQueue: createOrgQueue({ maxWaitMs: config.orgQueueWaitMs }),
  };
  const mail = startMail({
    ...mutationDeps,
    secret: config.secret,
    publicUrl: config.url,
    smtpUrl: config.smtpUrl,
    ...config.mail,
  });
  mailRef = mail;
  mutationDepsRef = mutationDeps;
  liveRef = live;
  const app = createApp({
    ...mutationDeps,
    auth,
    sessions,
    authHooks,
    trustProxy: config.trustProxy,
    rateLimit: config.rateLimit,
    trustedOrigins: config.trustedOrigins,
    mailQueue: mail.queue,
    publicUrl: config.url,
    devMailbox: !config.smtpUrl,
    requestTimeoutMs: config.requestTimeoutMs,
    orgLane: createOrgQueue({ maxWaitMs: config.orgQueueWaitMs }),
    peopleSearchLimit: createPeopleSearchLimit(stores),
    accessRequestLimit: createAccessRequestLimit(stores),
    orgCreationLimit: createOrgCreationLimit(stores),
    maxOrgsPerUser: config.maxOrgsPerUser ?? DEFAULT_MAX_ORGS_PER_USER,
    orgDeleteGraceDays: config.orgDeleteGraceDays ?? DEFAULT_ORG_DELETE_GRACE_DAYS,
    webhooks: config.webhooks ?? { allowPrivate: false },
    webhookSealer: webhookSealer(config.secret),
    apiReference: config.apiReference,
    auditPageEncoder: config.auditPageEncoder,
    limitStores: stores,
    apiKeyRequestsPerMinute: config.apiKeyRequestsPerMinute,
  });
  return { app, auth, mail, mutationDeps };
}
