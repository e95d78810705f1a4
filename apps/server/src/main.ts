import { fileURLToPath } from 'node:url';
import { connectDatabase } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { seedDemo } from './db/seed-demo.ts';
import { readEnv } from './env.ts';
import { systemClock } from './lib/clock.ts';
import { createLogger } from './lib/logger.ts';
import { startServer } from './server.ts';
import { parseTrustProxy } from './auth/client-ip.ts';
import { isLocalUrl } from './http/trusted-origins.ts';

// The only file with side effects: read the environment, open the database, serve.
const env = await orExit(() => readEnv());
const logger = createLogger(env.LOG_LEVEL);
const database = await orExit(() =>
  connectDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR, poolSize: env.DATABASE_POOL_SIZE }),
);
await migrateToLatest(database.db);
if (env.SEED_DEMO === 'true' && (await seedDemo(database.db, systemClock))) {
  logger.info('seeded the demo organization "Acme"; sign in as ada@acme.test / roster-demo');
}
const trustProxy = await orExit(() => (parseTrustProxy(env.TRUST_PROXY), env.TRUST_PROXY));
const server = await startServer({
  db: database.db,
  logger,
  port: env.PORT,
  host: env.HOST,
  secret: env.SESSION_SECRET ?? 'roster-development-secret-change-me-in-production',
  publicUrl: env.PUBLIC_URL,
  trustedOrigins: env.TRUSTED_ORIGINS?.split(',').map((o) => o.trim()) ?? [],
  // Development servers (Vite on any port) call the API through their own origin.
  development: env.NODE_ENV !== 'production',
  trustProxy,
  redisUrl: env.REDIS_URL,
  smtpUrl: env.SMTP_URL,
  requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
  maxOrgsPerUser: env.MAX_ORGS_PER_USER,
  orgDeleteGraceDays: env.ORG_DELETE_GRACE_DAYS,
  webhooks: { allowPrivate: env.WEBHOOK_ALLOW_PRIVATE === 'true' },
  webRoot: fileURLToPath(new URL('../../web/dist', import.meta.url)),
});
logger.info(`Roster is running at ${server.url}`, { database: database.kind, redis: Boolean(env.REDIS_URL) });
if (!env.SMTP_URL) {
  // Deliberately on in production too, so `pnpm start` demos invitations end to end; it answers
  // only clients on this machine.
  logger.warn(`SMTP_URL is not set: mail goes to the dev mailbox at ${server.url}/dev/mailbox (this machine only)`);
  if (env.PUBLIC_URL && !isLocalUrl(env.PUBLIC_URL)) {
    logger.warn(
      `PUBLIC_URL ${env.PUBLIC_URL} is not local but SMTP_URL is unset: nobody else receives verification, reset or invitation mail`,
    );
  }
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info('shutting down', { signal });
  await server.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

/** A problem a person can fix (bad env, a busy data folder) is told in one line, not a stack trace. */
async function orExit<T>(step: () => T | Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    process.stderr.write(`Roster could not start: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
