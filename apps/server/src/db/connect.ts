import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PGliteDialect } from 'kysely';
import { PostgresJSDialect } from 'kysely-postgres-js';
import postgres from 'postgres';
import { lockDataDir } from './data-dir-lock.ts';
import type { Database } from './schema.ts';

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

/**
 * Every PostgreSQL session bounds its waits, so no request holds a pooled connection hostage:
 * a row-lock wait past 5 s, a statement past 30 s, or a transaction left idle for 60 s is ended
 * by the server (the first two answer 503 BUSY). Sent as startup parameters, so they hold from
 * the first query on every connection.
 */
export const SESSION_TIMEOUTS = {
  lock_timeout: 5_000,
  statement_timeout: 30_000,
  idle_in_transaction_session_timeout: 60_000,
};

/** How long closing the pool waits for queries in flight before it cuts their connections. */
const CLOSE_TIMEOUT_SECONDS = 5;

/** Opens the database the environment asks for. The same code runs on both. */
export async function connectDatabase(options: ConnectOptions): Promise<DatabaseHandle> {
  return options.url ? connectPostgres(options.url, options.poolSize ?? 10) : connectPglite(options.dataDir);
}

function connectPostgres(url: string, poolSize: number): DatabaseHandle {
  // postgres.js reports a lost server on the queries that need it and reconnects on its own:
  // an outage fails requests, it never crashes the process.
  const client = postgres(url, {
    max: poolSize,
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
    const pglite = await PGlite.create(dataDir, { extensions: { pg_trgm } });
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
