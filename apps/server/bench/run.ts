import { parseArgs } from 'node:util';
import { connectDatabase } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createLogger } from '../src/lib/logger.ts';
import { startServer } from '../src/server.ts';
import { createTestDatabase } from '../test/test-database.ts';
import { measureAuditLog } from './audit-log.ts';
import { measureMembersList } from './members-list.ts';
import { measurePropagation } from './propagation.ts';
import { printTable, summarize } from './stats.ts';

// `pnpm bench`: prints figures, asserts nothing. DATABASE_URL benchmarks a fresh database on that server.
// `--only audit` (or `members`, `propagation`, comma-separated) runs just those parts.
const { values } = parseArgs({
  options: {
    only: { type: 'string', default: 'propagation,members,audit' },
    'audit-entries': { type: 'string', default: '1000000' },
    'export-entries': { type: 'string', default: '200000' },
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

const parts = new Set(values.only.split(','));
if (parts.has('propagation') || parts.has('members')) await benchMembers();
if (parts.has('audit')) await benchAudit();
await server.close();
await database.close();

async function benchMembers() {
  const rows = [];
  let seeded = '';
  if (parts.has('propagation')) {
    const propagation = await measurePropagation(server, database.db, Number(values.admins), Number(values.changes));
    rows.push(summarize(`change → last of ${values.admins} admin sockets`, propagation));
  }
  if (parts.has('members')) {
    const list = await measureMembersList(server, database.db, Number(values.members), Number(values.requests));
    rows.push(
      summarize(`members list, first page (${values.members} members)`, list.first),
      summarize('members list, page 21 by keyset', list.deep),
      summarize('members list, search', list.search),
    );
    seeded = `\nSeeding ${values.members} members took ${list.seedSeconds.toFixed(1)} s.`;
  }
  printTable(rows);
  if (seeded) console.log(seeded);
}

/** The audit log's goals: every page ≤ 50 ms at p95, the export ≥ 50,000 entries a second. */
async function benchAudit() {
  const entries = Number(values['audit-entries']);
  const audit = await measureAuditLog(server, database.db, {
    entries,
    requests: Math.max(30, Number(values.requests)),
    exportEntries: Number(values['export-entries']),
  });
  console.log(`\nAudit log of ${entries.toLocaleString('en')} entries, seeded in ${audit.seedSeconds.toFixed(1)} s:\n`);
  printTable(
    audit.pages.map(({ measure, samples }) => {
      const row = summarize(`audit, ${measure}`, samples);
      return { ...row, goal: `≤ 50 ms p95${row.p95 <= 50 ? '' : ': MISSED'}` };
    }),
  );
  console.log('');
  for (const run of audit.exports) {
    const verdict = run.perSecond >= 50_000 ? '' : ': MISSED';
    console.log(
      `audit ${run.measure}: ${run.entries.toLocaleString('en')} entries at ${Math.round(run.perSecond).toLocaleString('en')}/s (goal ≥ 50,000/s${verdict})`,
    );
  }
}
