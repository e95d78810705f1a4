import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server as HttpServer } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { createApp, type App } from './app.ts';
import { createAuth } from './auth/auth.ts';
import type { Db } from './db/connect.ts';
import { systemClock, type Clock } from './lib/clock.ts';
import type { Logger } from './lib/logger.ts';
import { originChecker } from './http/guards.ts';
import { serveWeb } from './http/serve-web.ts';
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
  publicUrl?: string;
  trustedOrigins?: string[];
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
  await listen(httpServer, config.port, config.host);
  const port = (httpServer.address() as AddressInfo).port;
  const url = config.publicUrl ?? `http://localhost:${port}`;
  const trustedOrigins = [url, ...(config.trustedOrigins ?? [])];
  const auth = createAuth({
    db: config.db,
    secret: config.secret,
    baseURL: url,
    trustedOrigins,
    rateLimit: config.rateLimit ?? true,
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
  };
  const mail = startMail({
    ...mutationDeps,
    secret: config.secret,
    publicUrl: url,
    smtpUrl: config.smtpUrl,
    ...config.mail,
  });
  const expirySweeper = startExpirySweeper(mutationDeps, config.expirySweepMs ?? 60_000);
  app = createApp({
    ...mutationDeps,
    auth,
    trustedOrigins,
    mailQueue: mail.queue,
    publicUrl: url,
    devMailbox: !config.smtpUrl,
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
      await mail.worker.stop();
      await realtime.close();
      await closeRedis();
      httpServer.closeAllConnections?.();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
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
