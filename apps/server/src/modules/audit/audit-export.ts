import { AUDIT_CSV_COLUMNS, type AuditEntry, type AuditFilters, type ExportFormat } from '@roster/contracts';
import { toAuditEntry } from './audit-entry.ts';
import { unpackAuditRows } from './audit-packed-rows.ts';
import { encodeRecords } from './export-stream.ts';

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/** One CSV row of an entry: the nested parts (before, after, data) as JSON text. */
export function auditCsvRecord(entry: AuditEntry): Record<(typeof AUDIT_CSV_COLUMNS)[number], unknown> {
  return {
    id: entry.id,
    seq: entry.seq,
    at: entry.at,
    action: entry.action,
    actorKind: entry.actor.kind,
    actorId: entry.actor.id,
    actorName: entry.actor.name,
    actorEmail: entry.actor.email ?? null,
    targetKind: entry.target.kind,
    targetId: entry.target.id,
    targetName: entry.target.name ?? null,
    targetEmail: entry.target.email ?? null,
    revertOf: entry.revertOf,
    revertedBySeq: entry.revertedBy?.seq ?? null,
    requestId: entry.requestId,
    ip: entry.context?.ip ?? null,
    userAgent: entry.context?.userAgent ?? null,
    before: json(entry.before),
    after: json(entry.after),
    data: json(entry.data),
  };
}

/**
 * An export page the database packed (`auditPagePacked`) as the rows of the download: the
 * export's work besides reading, done in a worker thread on the Node server (export-worker/).
 */
export function encodeAuditPage(packed: string, format: ExportFormat): string {
  const entries = unpackAuditRows(packed).map(({ row, revertedBy }) => toAuditEntry(row, revertedBy));
  return encodeRecords(format === 'csv' ? entries.map(auditCsvRecord) : entries, format, AUDIT_CSV_COLUMNS);
}

/** `<org-slug>-audit-<from or start>-<to or today>.<format>`, dates as YYYY-MM-DD. */
export function auditFilename(slug: string, filters: AuditFilters, today: Date, format: string): string {
  const from = filters.from?.slice(0, 10) ?? 'start';
  const to = filters.to?.slice(0, 10) ?? today.toISOString().slice(0, 10);
  return `${slug}-audit-${from}-${to}.${format}`;
}
