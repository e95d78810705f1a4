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
}

export interface RunningServer {
  url: string;
  app: App;
  realtime: Realtime;
  httpServer: HttpServer;
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
  app = createApp({
    db: config.db,
    auth,
    clock: config.clock ?? systemClock,
    logger: config.logger,
    publisher: realtime.publisher,
    trustedOrigins,
  });
  if (config.webRoot && existsSync(config.webRoot)) serveWeb(app, config.webRoot);
  return {
    url,
    app,
    realtime,
    httpServer,
    async close() {
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
