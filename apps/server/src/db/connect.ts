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
}

/** Opens the database the environment asks for. The same code runs on both. */
export async function connectDatabase(options: ConnectOptions): Promise<DatabaseHandle> {
  return options.url ? connectPostgres(options.url) : connectPglite(options.dataDir);
}

function connectPostgres(url: string): DatabaseHandle {
  // postgres.js reports a lost server on the queries that need it and reconnects on its own:
  // an outage fails requests, it never crashes the process.
  const client = postgres(url, { max: 10, onnotice: () => {}, connection: { application_name: 'roster' } });
  const db = new Kysely<Database>({ dialect: new PostgresJSDialect({ postgres: client }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

async function connectPglite(dataDir?: string): Promise<DatabaseHandle> {
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
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
