import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PGliteDialect } from 'kysely';
import { PostgresJSDialect } from 'kysely-postgres-js';
import postgres from 'postgres';
import { lockDataDir } from './data-dir-lock.ts';
import type { Database } from './schema.ts';
import { SESSION_TIMEOUTS } from './session-timeouts.ts';

export { SESSION_TIMEOUTS };

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** A PostgreSQL URL; without one, an embedded PGlite database is used. */
  url?: string | undefined;
  /** PGlite's data folder; omitted means in memory (tests). */
  dataDir?: string | undefined;
  /** PostgreSQL connections this process may open (DATABASE_POOL_SIZE); default 10. */
  poolSize?: number | undefined;
}

/** How long closing the pool waits for queries in flight before it cuts their connections. */
const CLOSE_TIMEOUT_SECONDS = 5;

/** The longest a pooled connection waits before connecting again after refused connects. */
const MAX_RECONNECT_WAIT_SECONDS = 0.5;

/**
 * Seconds before a connection's next connect, after `failures` refused ones across the pool.
 * postgres.js's own curve (3^n / 100 s, capped at 20 s) reaches 10-20 s after a dozen refusals,
 * which a few busy moments of a 0.2 s restart produce, and a connection keeps the wait it was
 * given even once the server is back: every connection of the pool then sat out seconds after
 * the restart, and each org's changes queued behind one waiting transaction until BUSY. Same
 * curve and spread, capped so the pool connects within half a second of the server's return.
 */
function reconnectWait(failures: number): number {
  return (0.5 + Math.random() / 2) * Math.min(3 ** failures / 100, MAX_RECONNECT_WAIT_SECONDS);
}

/**
 * The embedded database's page cache. PostgreSQL's default (128 MB) is sized for a server that
 * owns the machine; here the data folder's pages also sit in the operating system's cache, and
 * the default cost about 100 MiB of resident memory at idle for no measured gain (ADR 0025).
 */
const EMBEDDED_SHARED_BUFFERS = '16MB';

/** Opens the database the environment asks for. The same code runs on both. */
export async function connectDatabase(options: ConnectOptions): Promise<DatabaseHandle> {
  return options.url ? connectPostgres(options.url, options.poolSize ?? 10) : connectPglite(options.dataDir);
}

function connectPostgres(url: string, poolSize: number): DatabaseHandle {
  // postgres.js reports a lost server on the queries that need it and reconnects on its own:
  // an outage fails requests, it never crashes the process.
  const client = postgres(url, {
    max: poolSize,
    backoff: reconnectWait,
    onnotice: () => {},
    connection: { application_name: 'roster', ...SESSION_TIMEOUTS },
  });
  const db = new Kysely<Database>({ dialect: new PostgresJSDialect({ postgres: client }) });
  return {
    db,
    kind: 'postgres',
    async close() {
      // Bounded: postgres.js otherwise waits without limit for a connection that was still
      // opening when the pool was asked to end (a socket's setup query racing shutdown).
      await client.end({ timeout: CLOSE_TIMEOUT_SECONDS });
      await db.destroy();
    },
  };
}

async function connectPglite(dataDir?: string): Promise<DatabaseHandle> {
  const unlock = dataDir ? await lockDataDir(dataDir) : () => {};
  try {
    const pglite = await PGlite.create(dataDir, {
      extensions: { pg_trgm },
      startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${EMBEDDED_SHARED_BUFFERS}`],
    });
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
    return {
      db,
      kind: 'pglite',
      async close() {
        await db.destroy();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}
