import { parseArgs } from 'node:util';
import { connectDatabase } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createLogger } from '../src/lib/logger.ts';
import { startServer } from '../src/server.ts';
import { createTestDatabase } from '../test/test-database.ts';
import { measureMembersList } from './members-list.ts';
import { measurePropagation } from './propagation.ts';
import { printTable, summarize } from './stats.ts';

// `pnpm bench`: prints figures, asserts nothing. DATABASE_URL benchmarks a fresh database on that server.
const { values } = parseArgs({
  options: {
    admins: { type: 'string', default: '100' },
    changes: { type: 'string', default: '50' },
    members: { type: 'string', default: '100000' },
    requests: { type: 'string', default: '20' },
  },
});
const database = process.env.DATABASE_URL ? await createTestDatabase() : await connectDatabase({});
await migrateToLatest(database.db);
const server = await startServer({
  db: database.db,
  logger: createLogger('warn'),
  port: 0,
  host: '127.0.0.1',
  secret: 'bench-secret-bench-secret-bench-secret',
  rateLimit: false,
});
console.log(`Roster bench on ${database.kind}, Node ${process.version}\n`);

const propagation = await measurePropagation(server, database.db, Number(values.admins), Number(values.changes));
const list = await measureMembersList(server, database.db, Number(values.members), Number(values.requests));
printTable([
  summarize(`change → last of ${values.admins} admin sockets`, propagation),
  summarize(`members list, first page (${values.members} members)`, list.first),
  summarize('members list, page 21 by keyset', list.deep),
  summarize('members list, search', list.search),
]);
console.log(`\nSeeding ${values.members} members took ${list.seedSeconds.toFixed(1)} s.`);
await server.close();
await database.close();
