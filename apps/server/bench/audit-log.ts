import { performance } from 'node:perf_hooks';
import type { ListAuditResponse } from '@roster/contracts';
import type { Db } from '../src/db/connect.ts';
import { createLoadOrg } from '../src/db/load-org.ts';
import type { RunningServer } from '../src/server.ts';
import { seedAuditLog } from './audit-seed.ts';
import { benchFetch, signIn } from './http.ts';

const password = 'bench-password';
const WARMUP = 5;
/** Time one filter may take, warm-ups included. */
const BUDGET_MS = 10_000;

export interface AuditBench {
  seedSeconds: number;
  pages: Array<{ measure: string; samples: number[] }>;
  exports: Array<{ measure: string; entries: number; perSecond: number }>;
}

/**
 * The audit log of an org with `entries` entries (beside a smaller org, so every read must keep
 * to its own org): the first page and each filter's first page over HTTP as an admin, a deep
 * page by cursor, and the export's rate in both formats over a slice of `exportEntries`.
 */
export async function measureAuditLog(
  server: RunningServer,
  db: Db,
  options: { entries: number; requests: number; exportEntries: number },
): Promise<AuditBench> {
  const seeding = performance.now();
  const other = await createLoadOrg(db, { members: 500, password, name: 'Audit neighbour' });
  await seedAuditLog(db, other.orgId, Math.round(options.entries / 10));
  const org = await createLoadOrg(db, { members: 5000, password, name: 'Audit load' });
  await seedAuditLog(db, org.orgId, options.entries);
  const seedSeconds = (performance.now() - seeding) / 1000;

  const cookie = await signIn(server, org.admin.email, password);
  const base = `${server.url}/api/orgs/${org.orgId}/audit`;
  const get = async (query: string) => {
    const started = performance.now();
    const response = await benchFetch(`${base}?${query}`, { headers: { cookie } });
    if (!response.ok) throw new Error(`audit page failed: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as ListAuditResponse;
    return { ms: performance.now() - started, body };
  };
  // A filter that misses its goal by far gets fewer samples (at least 5), so the bench still ends.
  const time = async (query: string) => {
    const started = performance.now();
    for (let i = 0; i < WARMUP && performance.now() - started < BUDGET_MS / 4; i++) await get(query);
    const samples: number[] = [];
    while (samples.length < options.requests && (samples.length < 5 || performance.now() - started < BUDGET_MS)) {
      samples.push((await get(query)).ms);
    }
    return samples;
  };

  const people = await db
    .selectFrom('org_members')
    .select(['user_id', 'name', 'email'])
    .where('org_id', '=', org.orgId)
    .orderBy('joined_at')
    .orderBy('user_id')
    .execute();
  // Member 2 acts (one of 50) and is acted on; member 1234 is only ever a target.
  const actor = people[1]!.user_id;
  const target = people[1233]!;
  const rareName = target.name.split(' ').slice(0, 2).join(' ');
  let cursor: string | null = null;
  for (let page = 1; page < 50; page++)
    cursor = (await get(`limit=50${cursor ? `&cursor=${cursor}` : ''}`)).body.nextCursor;
  if (!cursor) throw new Error('the log has fewer than 50 pages');

  const cases: Array<[string, string]> = [
    ['first page', ''],
    ['actor (one of 50)', `actor=${actor}`],
    ['member (by or about)', `member=${actor}`],
    ['action exact', 'action=member.role_changed'],
    ['action prefix, common', 'action=member.*'],
    ['action prefix, rare', 'action=domain.*'],
    ['action X.reverted', 'action=member.role_changed.reverted'],
    ['target', `target=${target.user_id}`],
    ['from/to, one month', 'from=2026-05-01T00:00:00Z&to=2026-06-01T00:00:00Z'],
    ['outcome denied', 'outcome=denied'],
    ['q, common term', 'q=hopper'],
    ['q, rare name', `q=${encodeURIComponent(rareName)}`],
    ['q, rare email', `q=${encodeURIComponent(target.email)}`],
    ['q, no match', 'q=zzqxj'],
    ['page 50 by cursor', `limit=50&cursor=${cursor}`],
  ];
  const pages: AuditBench['pages'] = [];
  for (const [measure, query] of cases) pages.push({ measure, samples: await time(query) });

  // A window holding about `exportEntries` of the org's entries, the newest ones.
  const sliceDays = Math.round((365 * options.exportEntries) / options.entries);
  const from = new Date(Date.parse('2026-12-01T00:00:00Z') - sliceDays * 86_400_000).toISOString();
  const exports: AuditBench['exports'] = [];
  // As on a server that has exported before: its encoder thread started and its code compiled.
  const lastDay = '2026-11-30T00:00:00.000Z';
  for (const format of ['csv', 'ndjson'] as const) {
    const warmup = await benchFetch(`${base}/export?format=${format}&from=${lastDay}`, { headers: { cookie } });
    await countLines(warmup.body!);
  }
  for (const format of ['csv', 'ndjson'] as const) {
    const started = performance.now();
    const response = await benchFetch(`${base}/export?format=${format}&from=${from}`, { headers: { cookie } });
    if (!response.ok || !response.body) throw new Error(`export failed: ${response.status}`);
    const lines = await countLines(response.body);
    const seconds = (performance.now() - started) / 1000;
    const entries = format === 'csv' ? lines - 1 : lines;
    exports.push({ measure: `export ${format}, last ${sliceDays} days`, entries, perSecond: entries / seconds });
  }
  return { seedSeconds, pages, exports };
}

/**
 * Newlines in a stream (CSV rows hold no raw newlines here: the generated text has none). The
 * client runs in the server's process, so it counts with the native search rather than a loop
 * over each byte, which took a share of the export's own time.
 */
async function countLines(body: ReadableStream<Uint8Array>): Promise<number> {
  let count = 0;
  for await (const chunk of body) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) count++;
  }
  return count;
}
