import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PGliteDialect } from 'kysely';
import type { App } from './app.ts';
import type { Auth } from './auth/auth.ts';
import type { SessionReader } from './auth/session-reader.ts';
import { composeApp, type LiveSide } from './compose-app.ts';
import type { Db } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import type { Database } from './db/schema.ts';
import { seedDemo } from './db/seed-demo.ts';
import { systemClock, type Clock } from './lib/clock.ts';
import type { Logger } from './lib/logger.ts';
import type { MutationDeps } from './mutation/run-mutation.ts';
import { startExpirySweeper } from './modules/invitations/expire-invitations.service.ts';
import { silentPublisher } from './realtime/publisher.ts';
import type { Mail } from './mail/mail.ts';

export interface InProcessAppOptions {
  /** The page's origin: the app's public URL and its only trusted origin. */
  origin: string;
  /** Where committed changes go, given the database and the session reader (mock mode's bridge). */
  live?: (parts: { db: Db; sessions: SessionReader }) => LiveSide;
  logger?: Logger;
  clock?: Clock;
  /**
   * A data folder saved by `dumpDataDir` (see scripts/database-snapshot.ts): starting from it skips
   * PostgreSQL's initdb, most of the start. Migrations and the demo seed still run; both do
   * nothing when already done, so a snapshot of a seeded database starts as it was saved.
   */
  snapshot?: Blob | File;
  /** Marks pending invitations past expiry as expired this often (default: never). */
  expirySweepMs?: number;
}

export interface InProcessApp {
  app: App;
  auth: Auth;
  db: Db;
  pglite: PGlite;
  mutationDeps: MutationDeps;
  /** The outbox and its worker: mail is sent in the background, as on the server. */
  mail: Mail;
  /** Milliseconds spent on each start-up step, for the mock-mode measurements. */
  timings: Record<string, number>;
  close(): Promise<void>;
}

export const consoleLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: (msg, data) => console.warn(msg, data ?? ''),
  error: (msg, data) => console.error(msg, data ?? ''),
};

/**
 * The server's own app without a Node HTTP server: the same routes, services, policies and
 * repositories (one composition, `composeApp`), on PGlite in memory, migrated and seeded like a
 * first `pnpm start`. Mock mode runs it in the tab; component tests run it in their process.
 * What only a long-lived Node server has is left out, not forked inside the modules: no
 * Socket.IO server, no Redis, no SMTP, no data-folder lock, no rate limits (one person, one tab).
 */
export async function createInProcessApp(options: InProcessAppOptions): Promise<InProcessApp> {
  const timings: Record<string, number> = {};
  const step = async <T>(name: string, run: () => Promise<T>) => {
    const started = performance.now();
    const result = await run();
    timings[name] = Math.round(performance.now() - started);
    return result;
  };
  const clock = options.clock ?? systemClock;
  const pglite = await step('pglite', () =>
    PGlite.create({ extensions: { pg_trgm }, ...(options.snapshot ? { loadDataDir: options.snapshot } : {}) }),
  );
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  await step('migrate', () => migrateToLatest(db));
  await step('seed', () => seedDemo(db, clock));
  const { app, auth, mail, mutationDeps } = composeApp({
    db,
    logger: options.logger ?? consoleLogger,
    clock,
    secret: 'roster-in-process-secret-not-a-secret',
    url: options.origin,
    trustedOrigins: [options.origin],
    trustProxy: { kind: 'none' },
    rateLimit: false,
    requestTimeoutMs: 15_000,
    orgQueueWaitMs: 5_000,
    live: (sessions) =>
      options.live?.({ db, sessions }) ?? { publisher: silentPublisher, onSessionsRevoked: async () => {} },
  });
  const sweeper = options.expirySweepMs ? startExpirySweeper(mutationDeps, options.expirySweepMs) : undefined;
  return {
    app,
    auth,
    db,
    pglite,
    mutationDeps,
    mail,
    timings,
    async close() {
      sweeper?.stop();
      await mail.worker.stop();
      await db.destroy();
    },
  };
}
