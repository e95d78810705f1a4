import type { Db } from '../src/db/connect.ts';
import type { RunningServer } from '../src/server.ts';
import { measureAuditLog } from './audit-log.ts';
import { printTable, summarize } from './stats.ts';

/** The audit log's goals (ADR 23): every page ≤ 50 ms at p95, the export ≥ 50,000 entries a second. */
export async function benchAudit(
  server: RunningServer,
  db: Db,
  options: { auditEntries: number; exportEntries: number; requests: number },
) {
  const entries = options.auditEntries;
  const audit = await measureAuditLog(server, db, {
    entries,
    requests: Math.max(30, options.requests),
    exportEntries: options.exportEntries,
  });
  console.log(`\nAudit log of ${entries.toLocaleString('en')} entries, seeded in ${audit.seedSeconds.toFixed(1)} s:\n`);
  const pages = audit.pages.map(({ measure, samples }) => {
    const row = summarize(`audit, ${measure}`, samples);
    return { ...row, goal: `≤ 50 ms p95${row.p95 <= 50 ? '' : ': MISSED'}` };
  });
  printTable(pages);
  console.log('');
  for (const run of audit.exports) {
    const verdict = run.perSecond >= 50_000 ? '' : ': MISSED';
    console.log(
      `audit ${run.measure}: ${run.entries.toLocaleString('en')} entries at ${Math.round(run.perSecond).toLocaleString('en')}/s (goal ≥ 50,000/s${verdict})`,
    );
  }
  return { entries, seedSeconds: audit.seedSeconds, pages, exports: audit.exports };
}
