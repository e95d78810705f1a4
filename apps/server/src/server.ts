import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server as HttpServer } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { createApp, type App } from './app.ts';
import { createAuth, type AuthHooks } from './auth/auth.ts';
import { createAuthLimits } from './auth/auth-limits.ts';
import { createPeopleSearchLimit } from './modules/workspaces/people-search-limit.ts';
import { createAccessRequestLimit } from './modules/access-requests/access-request-limit.ts';
import { parseTrustProxy } from './auth/client-ip.ts';
import { closeRevokedSockets } from './auth/revoked-sockets.ts';
import { sweepRateLimits } from './auth/rate-limit-store.ts';
import { syncChangedAccount } from './modules/me/me.service.ts';
import type { MutationDeps } from './mutation/run-mutation.ts';
import { createOrgQueue } from './mutation/org-queue.ts';
import { connectRedis, type RedisClient } from './lib/redis-client.ts';
import { trustedOriginsFor } from './http/trusted-origins.ts';
import type { Db } from './db/connect.ts';
import { systemClock, type Clock } from './lib/clock.ts';
import type { Logger } from './lib/logger.ts';
import { originChecker } from './http/guards.ts';
import { serveWeb } from './http/serve-web.ts';
import { trackOpenSockets } from './http/open-sockets.ts';
import { shutdownInSteps } from './lib/bounded-shutdown.ts';
import { startMail, type Mail } from './mail/mail.ts';
import { startExpirySweeper, type ExpirySweeper } from './modules/invitations/expire-invitations.service.ts';
import { createRealtime, type Realtime } from './realtime/realtime.ts';
import { useRedisAdapter } from './realtime/redis-adapter.ts';

export interface ServerConfig {
  db: Db;
  logger: Logger;
  port: number;
  host?: string;
  clock?: Clock;
  secret: string;
  /** The app's public URL; defaults to http://localhost:PORT. */
  publicUrl?: string | undefined;
  /** Origins trusted besides the app's own (TRUSTED_ORIGINS). */
  trustedOrigins?: string[];
  /** Also trust every loopback port (Vite in development); only while publicUrl is unset. */
  development?: boolean;
  /** TRUST_PROXY: which X-Forwarded-For entries to believe (none by default). */
  trustProxy?: string | undefined;
  redisUrl?: string;
  /** The built SPA, served with an index.html fallback when present. */
  webRoot?: string;
  rateLimit?: boolean;
  heartbeatMs?: number;
  /** Outgoing mail server; without it mail lands in the dev mailbox (GET /api/dev/mailbox). */
  smtpUrl?: string;
  /** Mail retry delays (default 1 s, 5 s: three attempts) and the outbox's slow poll. */
  mail?: { retryDelaysMs?: number[]; pollMs?: number };
  /** How often pending invitations past expiry are marked expired (default 60 s). */
  expirySweepMs?: number;
  /** Unanswered requests are answered 503 BUSY after this long (default 15 s). */
  requestTimeoutMs?: number;
  /** How long a change waits for its org's turn in this process before 503 BUSY (default 5 s). */
  orgQueueWaitMs?: number;
}

export interface RunningServer {
  url: string;
  app: App;
  realtime: Realtime;
  httpServer: HttpServer;
  mail: Mail;
  expirySweeper: ExpirySweeper;
  close(): Promise<void>;
}

/** Composes the HTTP API and Socket.IO on one Node server and starts listening. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  let app: App | undefined;
  const httpServer = createAdaptorServer({ fetch: (request, env) => app!.fetch(request, env) }) as HttpServer;
  const openSockets = trackOpenSockets(httpServer);
  await listen(httpServer, config.port, config.host);
  const port = (httpServer.address() as AddressInfo).port;
  const url = config.publicUrl?.replace(/\/$/, '') ?? `http://localhost:${port}`;
  const trustedOrigins = trustedOriginsFor({
    publicUrl: config.publicUrl,
    port,
    extra: config.trustedOrigins ?? [],
    development: config.development ?? false,
  });
  // Mail and sockets exist only once the server is composed; the auth library calls back later.
  let mailRef: Mail | undefined;
  let mutationDepsRef: MutationDeps | undefined;
  let realtimeRef: Realtime | undefined;
  const limitsRedis: RedisClient | undefined = config.redisUrl
    ? await connectRedis(config.redisUrl, config.logger, 'rate limits')
    : undefined;
  const authHooks: AuthHooks = {
    mail: { send: (request) => mailRef!.account.send(request) },
    limits: createAuthLimits({ db: config.db, redis: limitsRedis, logger: config.logger }),
    onSessionsRevoked: (userId) => closeRevokedSockets(realtimeRef!.io, config.db, config.logger, userId),
    onAccountChanged: (userId) => syncChangedAccount(mutationDepsRef!, userId),
    async notifyLocked(email) {
      const user = await config.db
        .selectFrom('users')
        .select(['email', 'name'])
        .where('email', '=', email)
        .executeTakeFirst();
      if (user) await mailRef!.account.send({ template: 'account-locked', to: user.email, name: user.name });
    },
  };
  const auth = createAuth({
    db: config.db,
    secret: config.secret,
    baseURL: url,
    trustedOrigins,
    hooks: authHooks,
    logger: config.logger,
  });
  const isTrustedOrigin = originChecker(trustedOrigins);
  const realtime = createRealtime({
    httpServer,
    db: config.db,
    auth,
    logger: config.logger,
    isTrustedOrigin,
    heartbeatMs: config.heartbeatMs,
  });
  const closeRedis = config.redisUrl
    ? await useRedisAdapter(realtime.io, config.redisUrl, config.logger)
    : async () => {};
  const mutationDeps = {
    db: config.db,
    clock: config.clock ?? systemClock,
    logger: config.logger,
    publisher: realtime.publisher,
    orgQueue: createOrgQueue({ maxWaitMs: config.orgQueueWaitMs ?? 5_000 }),
  };
  const mail = startMail({
    ...mutationDeps,
    secret: config.secret,
    publicUrl: url,
    smtpUrl: config.smtpUrl,
    ...config.mail,
  });
  mailRef = mail;
  mutationDepsRef = mutationDeps;
  realtimeRef = realtime;
  // Expired limit counters are dead weight; any process may sweep them.
  const limitSweep = setInterval(() => void sweepRateLimits(config.db).catch(() => {}), 10 * 60_000);
  limitSweep.unref();
  const expirySweeper = startExpirySweeper(mutationDeps, config.expirySweepMs ?? 60_000);
  app = createApp({
    ...mutationDeps,
    auth,
    authHooks,
    trustProxy: parseTrustProxy(config.trustProxy),
    rateLimit: config.rateLimit ?? true,
    trustedOrigins,
    mailQueue: mail.queue,
    publicUrl: url,
    devMailbox: !config.smtpUrl,
    requestTimeoutMs: config.requestTimeoutMs ?? 15_000,
    orgLane: createOrgQueue({ maxWaitMs: config.orgQueueWaitMs ?? 5_000 }),
    peopleSearchLimit: createPeopleSearchLimit({ db: config.db, redis: limitsRedis, logger: config.logger }),
    accessRequestLimit: createAccessRequestLimit({ db: config.db, redis: limitsRedis, logger: config.logger }),
  });
  if (config.webRoot && existsSync(config.webRoot)) serveWeb(app, config.webRoot);
  return {
    url,
    app,
    realtime,
    httpServer,
    mail,
    expirySweeper,
    async close() {
      expirySweeper.stop();
      clearInterval(limitSweep);
      await shutdownInSteps(
        [
          ['mail worker', () => mail.worker.stop()],
          ['sockets', () => realtime.close()],
          ['redis adapter', () => closeRedis()],
          ['rate-limit redis', () => limitsRedis?.destroy()],
          [
            'http server',
            () => {
              const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
              openSockets.destroyAll();
              return closed;
            },
          ],
        ],
        config.logger,
      );
    },
  };
}

function listen(server: HttpServer, port: number, host?: string) {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
