import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server as HttpServer } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import type { App } from './app.ts';
import type { ErrorBody } from '@roster/contracts';
import { composeApp } from './compose-app.ts';
import { parseTrustProxy } from './auth/client-ip.ts';
import { closeRevokedSockets } from './auth/revoked-sockets.ts';
import { sweepRateLimits } from './auth/rate-limit-store.ts';
import { connectRedis, type RedisClient } from './lib/redis-client.ts';
import { trustedOriginsFor } from './http/trusted-origins.ts';
import type { Db } from './db/connect.ts';
import { systemClock, type Clock } from './lib/clock.ts';
import type { Logger } from './lib/logger.ts';
import { originChecker } from './http/guards.ts';
import { serveWeb } from './http/serve-web.ts';
import { apiReferenceRoutes } from './http/openapi/api-reference.ts';
import { workerEncoder } from './modules/audit/export-worker/worker-encoder.ts';
import { trackOpenSockets } from './http/open-sockets.ts';
import type { Mail } from './mail/mail.ts';
import { shutdownInSteps } from './lib/bounded-shutdown.ts';
import { startExpirySweeper, type ExpirySweeper } from './modules/invitations/expire-invitations.service.ts';
import { startOrgPurger, type OrgPurger } from './modules/orgs/purge-orgs.service.ts';
import { startAuditRetention, type AuditRetention } from './modules/audit/audit-retention.service.ts';
import { createRealtime, type Realtime } from './realtime/realtime.ts';
import { startWebhookWorker, type WebhookWorker } from './modules/webhooks/webhook-worker.ts';
import type { Resolver } from './modules/webhooks/webhook-target.ts';
import { webhookSealer } from './modules/webhooks/webhooks.service.ts';
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
  /** MAX_ORGS_PER_USER: orgs one person may have created (default 20). */
  maxOrgsPerUser?: number | undefined;
  /** ORG_DELETE_GRACE_DAYS: how long a deleted org can be restored (default 14). */
  orgDeleteGraceDays?: number | undefined;
  /** How often deleted orgs past their grace period are purged (default 10 min). */
  orgPurgeMs?: number;
  /** Requests one API key may make a minute (default API_KEY_REQUESTS_PER_MINUTE). */
  apiKeyRequestsPerMinute?: number | undefined;
  /**
   * WEBHOOK_ALLOW_PRIVATE lets webhooks reach private addresses and plain http (development and
   * tests); the rest is for tests: the retry schedule, the poll, the resolver, the jitter.
   */
  webhooks?: {
    allowPrivate?: boolean;
    retryDelaysMs?: number[];
    pollMs?: number;
    timeoutMs?: number;
    resolve?: Resolver;
    random?: () => number;
  };
}

export interface RunningServer {
  url: string;
  app: App;
  realtime: Realtime;
  httpServer: HttpServer;
  mail: Mail;
  expirySweeper: ExpirySweeper;
  orgPurger: OrgPurger;
  /** Applies each org's `auditRetentionDays` (hourly). */
  auditRetention: AuditRetention;
  /** Delivers the webhook outbox. */
  webhookWorker: WebhookWorker;
  close(): Promise<void>;
}

/** Composes the HTTP API and Socket.IO on one Node server and starts listening. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  let appRef: App | undefined;
  // It listens before the app exists (the app needs the port for its URL): until then, "busy".
  const httpServer = createAdaptorServer({
    fetch: (request, env) => (appRef ? appRef.fetch(request, env) : startingUp()),
  }) as HttpServer;
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
  const limitsRedis: RedisClient | undefined = config.redisUrl
    ? await connectRedis(config.redisUrl, config.logger, 'rate limits')
    : undefined;
  let realtimeRef: Realtime | undefined;
  const exportEncoder = workerEncoder(config.logger);
  const composed = composeApp({
    db: config.db,
    logger: config.logger,
    clock: config.clock ?? systemClock,
    secret: config.secret,
    url,
    trustedOrigins,
    trustProxy: parseTrustProxy(config.trustProxy),
    rateLimit: config.rateLimit ?? true,
    limitsRedis,
    smtpUrl: config.smtpUrl,
    mail: config.mail,
    requestTimeoutMs: config.requestTimeoutMs ?? 15_000,
    orgQueueWaitMs: config.orgQueueWaitMs ?? 5_000,
    maxOrgsPerUser: config.maxOrgsPerUser,
    orgDeleteGraceDays: config.orgDeleteGraceDays,
    apiKeyRequestsPerMinute: config.apiKeyRequestsPerMinute,
    webhooks: { allowPrivate: config.webhooks?.allowPrivate ?? false, resolve: config.webhooks?.resolve },
    apiReference: apiReferenceRoutes(),
    auditPageEncoder: exportEncoder.encode,
    live(sessions) {
      const realtime = createRealtime({
        httpServer,
        db: config.db,
        sessions,
        logger: config.logger,
        isTrustedOrigin: originChecker(trustedOrigins),
        heartbeatMs: config.heartbeatMs,
      });
      realtimeRef = realtime;
      return {
        publisher: realtime.publisher,
        onSessionsRevoked: (userId) => closeRevokedSockets(realtime.io, config.db, config.logger, userId),
      };
    },
  });
  const app = composed.app;
  // Every route is added before the app takes its first request: the router is built on the
  // first one, and adding a route after that throws.
  if (config.webRoot && existsSync(config.webRoot)) serveWeb(app, config.webRoot);
  appRef = app;
  const { mail, mutationDeps } = composed;
  const realtime = realtimeRef!;
  const closeRedis = config.redisUrl
    ? await useRedisAdapter(realtime.io, config.redisUrl, config.logger)
    : async () => {};
  if (config.redisUrl) realtime.shareAcrossProcesses();
  // Expired limit counters are dead weight; any process may sweep them.
  const limitSweep = setInterval(() => void sweepRateLimits(config.db).catch(() => {}), 10 * 60_000);
  limitSweep.unref();
  const expirySweeper = startExpirySweeper(mutationDeps, config.expirySweepMs ?? 60_000);
  const orgPurger = startOrgPurger(mutationDeps, config.orgPurgeMs ?? 10 * 60_000);
  const auditRetention = startAuditRetention(mutationDeps, 60 * 60_000);
  const webhookWorker = startWebhookWorker({
    ...mutationDeps,
    mailQueue: mail.queue,
    settings: { allowPrivate: config.webhooks?.allowPrivate ?? false, resolve: config.webhooks?.resolve },
    sealer: webhookSealer(config.secret),
    retryDelaysMs: config.webhooks?.retryDelaysMs,
    pollMs: config.webhooks?.pollMs,
    timeoutMs: config.webhooks?.timeoutMs,
    random: config.webhooks?.random,
  });
  return {
    url,
    app,
    realtime,
    httpServer,
    mail,
    expirySweeper,
    orgPurger,
    auditRetention,
    webhookWorker,
    async close() {
      expirySweeper.stop();
      orgPurger.stop();
      auditRetention.stop();
      clearInterval(limitSweep);
      await shutdownInSteps(
        [
          ['webhook worker', () => webhookWorker.stop()],
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
          ['audit export encoder', () => exportEncoder.close()],
        ],
        config.logger,
      );
    },
  };
}

/**
 * Connections the kernel may hold before the server accepts them (Node's default is 511; the
 * kernel caps it at net.core.somaxconn). A thousand tabs reconnecting at once after a restart
 * overflowed 511 while the event loop was busy, and each dropped connection waited out TCP's
 * 1 s, 3 s, 7 s retransmits before it was even seen.
 */
const LISTEN_BACKLOG = 4096;

/** The answer while the server is still starting: try again in a moment. */
function startingUp(): Response {
  const body: ErrorBody = { error: { code: 'BUSY', message: 'Roster is starting; try again in a moment' } };
  return Response.json(body, { status: 503, headers: { 'retry-after': '1' } });
}

function listen(server: HttpServer, port: number, host?: string) {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host, backlog: LISTEN_BACKLOG }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
