// Writes a gzipped PGlite data folder of an empty, fully migrated database, for mock mode to
// start from (ADR 18): loading it skips initdb, most of an embedded database's start.
// Usage: node --import tsx scripts/database-snapshot.ts <out.tar.gz>
import { writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PGliteDialect } from 'kysely';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { Database } from '../src/db/schema.ts';

const out = process.argv[2];
if (!out) throw new Error('Usage: database-snapshot.ts <out.tar.gz>');
const pglite = await PGlite.create({ extensions: { pg_trgm } });
const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
await migrateToLatest(db);
const dump = await pglite.dumpDataDir('gzip');
writeFileSync(out, Buffer.from(await dump.arrayBuffer()));
await db.destroy();
