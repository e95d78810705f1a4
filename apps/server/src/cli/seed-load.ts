import { parseArgs } from 'node:util';
import { connectDatabase } from '../db/connect.ts';
import { DEMO_PASSWORD } from '../db/seed-demo.ts';
import { createLoadOrg } from '../db/load-org.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { readEnv } from '../env.ts';

// `pnpm seed:load --members 100000`: adds a large organization to the configured database.
const { values } = parseArgs({ options: { members: { type: 'string', default: '100000' } } });
const members = Number(values.members);
if (!Number.isInteger(members) || members < 1) throw new Error('--members takes a positive whole number');
const env = readEnv();
const database = await connectDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
await migrateToLatest(database.db);
const started = Date.now();
const org = await createLoadOrg(database.db, { members, password: DEMO_PASSWORD });
console.log(`Created an organization of ${members} members in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
console.log(`Sign in as ${org.admin.email} / ${DEMO_PASSWORD}`);
await database.close();
