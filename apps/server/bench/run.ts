import { execSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { connectDatabase } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createLogger } from '../src/lib/logger.ts';
import { startServer } from '../src/server.ts';
import { createTestDatabase } from '../test/test-database.ts';
import { benchAudit } from './audit-part.ts';
import { createFloorTables, measureCommitFloor } from './floor-commit.ts';
import { measureConnectFloor } from './floor-connect.ts';
import { measureFanoutFloor } from './floor-fanout.ts';
import { bareRate, startBareHono } from './floor-http.ts';
import { measureMemory } from './memory.ts';
import { measureMembersList } from './members-list.ts';
import { measurePresence } from './presence.ts';
import { measurePropagation } from './propagation.ts';
import { measureRelayFloor } from './floor-relay.ts';
import { measureReconnectStorm } from './reconnect-storm.ts';
import { printGoals, writeJson, type GoalRow } from './report.ts';
import { percentile, printTable, summarize, type Row } from './stats.ts';
import { measureThroughput } from './throughput.ts';
import { goalRows } from './goals.ts';
import { measureWebFirstRow } from './web-first-row.ts';

// `pnpm bench`: prints figures beside their floors and goals, asserts nothing (docs/performance.md).
// DATABASE_URL benchmarks a fresh database on that server. `--only propagation,members` runs
// those parts; `--quick` runs small sizes only to prove the bench runs; `--json <file>` (or
// `--json -` for stdout) writes every figure.
const PARTS = ['propagation', 'throughput', 'reconnect', 'members', 'memory', 'web', 'audit', 'presence'];
const { values } = parseArgs({
  options: {
    only: { type: 'string', default: PARTS.join(',') },
    quick: { type: 'boolean', default: false },
    json: { type: 'string' },
    sockets: { type: 'string' },
    changes: { type: 'string' },
    members: { type: 'string' },
    requests: { type: 'string' },
    'audit-entries': { type: 'string' },
    'export-entries': { type: 'string' },
    'storm-sockets': { type: 'string' },
    'throughput-sockets': { type: 'string' },
    'throughput-seconds': { type: 'string' },
    'memory-sockets': { type: 'string' },
    'web-runs': { type: 'string' },
    'presence-sockets': { type: 'string' },
    'presence-samples': { type: 'string' },
    'presence-seconds': { type: 'string' },
  },
});
const quick = values.quick;
const pick = (given: string | undefined, full: string, small: string) => given ?? (quick ? small : full);
const numbers = (list: string) => list.split(',').map(Number);
const options = {
  sockets: numbers(pick(values.sockets, '10,100,1000', '10,100')),
  changes: Number(pick(values.changes, '50', '10')),
  members: numbers(pick(values.members, '10000,100000', '2000')),
  requests: Number(pick(values.requests, '20', '10')),
  auditEntries: Number(pick(values['audit-entries'], '1000000', '10000')),
  exportEntries: Number(pick(values['export-entries'], '200000', '5000')),
  stormSockets: Number(pick(values['storm-sockets'], '1000', '100')),
  throughputSockets: Number(pick(values['throughput-sockets'], '100', '10')),
  throughputSeconds: Number(pick(values['throughput-seconds'], '5', '1')),
  memorySockets: Number(pick(values['memory-sockets'], '1000', '100')),
  webRuns: Number(pick(values['web-runs'], '10', '3')),
  presenceSockets: Number(pick(values['presence-sockets'], '100', '10')),
  presenceSamples: Number(pick(values['presence-samples'], '100', '10')),
  presenceSeconds: Number(pick(values['presence-seconds'], '5', '1')),
};
const parts = new Set(values.only.split(','));
for (const part of parts)
  if (!PARTS.includes(part)) throw new Error(`--only: unknown part ${part} (${PARTS.join(', ')})`);

const database = process.env.DATABASE_URL ? await createTestDatabase() : await connectDatabase({});
await migrateToLatest(database.db);
await createFloorTables(database.db);
const server = await startServer({
  db: database.db,
  logger: createLogger('warn'),
  port: 0,
  host: '127.0.0.1',
  secret: 'bench-secret-bench-secret-bench-secret',
  rateLimit: false,
});
const commit = (() => {
  try {
    return execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return 'unknown';
  }
})();
const startedAt = new Date();
// Figures from a loaded machine read high; the load beside them says how much to trust them.
const load = () => loadavg()[0]!.toFixed(1);
const loadAtStart = load();
console.log(
  `Roster bench on ${database.kind}, Node ${process.version}, commit ${commit}, ${cpus().length} cores, load ${loadAtStart}${quick ? ', --quick' : ''}\n`,
);

const kind = database.kind;
/** A line on stderr per step, so a long run shows where it is without touching the tables. */
const step = (what: string) => process.stderr.write(`… ${what}\n`);
const distributions: Row[] = [];
const rows: GoalRow[] = [];
const floors: Record<string, unknown> = {};
const results: Record<string, unknown> = {};

step('commit floor');
const commitFloor = await measureCommitFloor(database.db, Math.max(50, options.changes));
distributions.push(summarize('floor: commit (UPDATE + INSERT, one transaction)', commitFloor));
floors.commit = summarize('commit', commitFloor);

if (parts.has('propagation')) {
  const byN: Record<number, { arrival: Row; response: Row; fanout: Row }> = {};
  for (const n of options.sockets) {
    step(`propagation to ${n} sockets, and its fan-out floor`);
    const run = await measurePropagation(server, database.db, n, options.changes);
    const fanout = await measureFanoutFloor(n, options.changes, run.event);
    byN[n] = {
      arrival: summarize(`change → last of ${n} admin sockets`, run.arrival),
      response: summarize(`caller's response with ${n} sockets`, run.response),
      fanout: summarize(`floor: bare Socket.IO emit to ${n} sockets`, fanout),
    };
    distributions.push(byN[n].arrival, byN[n].response, byN[n].fanout);
  }
  results.propagation = byN;
  rows.push(...goalRows.propagation(byN, floors.commit as Row));
}

if (parts.has('throughput')) {
  step('throughput, bare Hono then Roster');
  const bare = await startBareHono(database.db);
  const ms = options.throughputSeconds * 1000;
  const floor = { one: await bareRate(bare, 1, ms), eight: await bareRate(bare, 8, ms) };
  await bare.close();
  const roster = await measureThroughput(server, database.db, options.throughputSockets, ms);
  floors.bareHono = floor;
  results.throughput = { ...roster, socketsPerOrg: options.throughputSockets };
  rows.push(...goalRows.throughput(roster, floor, options.throughputSockets));
}

if (parts.has('reconnect')) {
  step(`reconnect storm of ${options.stormSockets} sockets`);
  const storm = await measureReconnectStorm(server, database.db, options.stormSockets);
  const connectFloor = await measureConnectFloor(options.stormSockets);
  distributions.push(
    summarize(`reconnect storm: ${options.stormSockets} sockets, each until synced`, storm.perSocket),
    summarize(`floor: ${options.stormSockets} sockets connect to bare Socket.IO and sync`, connectFloor),
    summarize('members list at rest, another admin', storm.rest),
    summarize('members list during the storm, another admin', storm.list),
  );
  results.reconnect = {
    sockets: options.stormSockets,
    allSyncedMs: storm.allSynced,
    perSocket: summarize('per socket', storm.perSocket),
    floor: summarize('bare connect and sync', connectFloor),
    listAtRest: summarize('list', storm.rest),
    listDuring: summarize('list', storm.list),
  };
  rows.push(
    ...goalRows.reconnect(options.stormSockets, storm.allSynced, percentile(storm.perSocket, 99), connectFloor, {
      rest: percentile(storm.rest, 99),
      during: percentile(storm.list, 99),
    }),
  );
}

if (parts.has('members')) {
  const sizes = [];
  for (const members of options.members) {
    step(`members list at ${members} members`);
    const list = await measureMembersList(server, database.db, members, options.requests);
    const at = members.toLocaleString('en');
    distributions.push(
      summarize(`members search q=a, ${at} members (warm)`, list.broad),
      summarize(`members search exact email, ${at} members (warm)`, list.exact),
      summarize(`members list, first page (${at} members)`, list.first),
      summarize('members list, page 21 by keyset', list.deep),
      summarize('members list, search', list.search),
    );
    rows.push(...goalRows.search(kind, members, percentile(list.broad, 95), percentile(list.exact, 95)));
    sizes.push({
      members,
      seedSeconds: list.seedSeconds,
      broad: summarize('broad', list.broad),
      exact: summarize('exact', list.exact),
      first: summarize('first', list.first),
      deep: summarize('deep', list.deep),
      search: summarize('search', list.search),
    });
    step(`seeded ${at} members in ${list.seedSeconds.toFixed(1)} s`);
  }
  results.members = sizes;
}

if (parts.has('memory')) {
  step('memory of a server in its own process');
  const memory = await measureMemory(database.db, kind, options.memorySockets);
  results.memory = { ...memory, sockets: options.memorySockets };
  rows.push(...goalRows.memory(kind, memory, options.memorySockets));
}

if (parts.has('web')) {
  step('the members page in Chromium, first row');
  const firstRow = await measureWebFirstRow(database.db, kind, options.webRuns);
  distributions.push(summarize('web: members page, navigation → first row', firstRow));
  results.web = { firstRow: summarize('first row', firstRow) };
  rows.push(...goalRows.web(percentile(firstRow, 50)));
}

if (parts.has('presence')) {
  const n = options.presenceSockets;
  step(`presence with ${n} admins on a page, and its relay floor`);
  const editsPerSecond = 2;
  const samples = options.presenceSamples;
  const run = await measurePresence(server, database.db, n, samples, options.presenceSeconds, editsPerSecond);
  const relay = await measureRelayFloor(n, samples, run.message);
  const join = summarize(`presence: new socket's update → last of ${n} admins`, run.join);
  const floor = summarize(`floor: bare Socket.IO relays one emit to ${n} sockets`, relay);
  distributions.push(join, floor);
  const traffic = { ...run.traffic, stateBytes: JSON.stringify(run.state).length, editsPerSecond };
  results.presence = { sockets: n, join, floor, traffic, seconds: options.presenceSeconds };
  rows.push(...goalRows.presence(n, join, floor, traffic));
}

console.log('\nDistributions (ms)\n');
printTable(distributions);
printGoals('Figures beside their floors and goals', rows);

if (parts.has('audit')) {
  step(`audit log of ${options.auditEntries} entries (seeding takes minutes at a million)`);
  results.audit = await benchAudit(server, database.db, options);
}

await server.close();
await database.close();

if (values.json) {
  writeJson(values.json, {
    database: kind,
    node: process.version,
    commit,
    startedAt: startedAt.toISOString(),
    seconds: (Date.now() - startedAt.getTime()) / 1000,
    quick,
    cores: cpus().length,
    load: { start: Number(loadAtStart), end: Number(load()) },
    options,
    floors,
    rows,
    distributions,
    results,
  });
}
