import type { AuditEntry, AuditFilters, AuditRevertLink, ExportFormat, ListAuditResponse } from '@roster/contracts';
import type { SessionUser } from '../../auth/auth.ts';
import type { Db } from '../../db/connect.ts';
import { DomainError } from '../../lib/domain-error.ts';
import { keysetCursor } from '../../lib/keyset-cursor.ts';
import { assertCanManageMembers } from '../members/members.policy.ts';
import { readOrgAccess } from '../orgs/org-access.repository.ts';
import { revertsOf } from '../events/recorded-events.repository.ts';
import { auditPagePacked, auditRows, type AuditRow } from './audit.repository.ts';
import type { AuditPageEncoder } from './audit-page-encoder.ts';
import { toAuditEntry } from './audit-entry.ts';
import { readAhead } from './read-ahead.ts';

/** Entries are ordered by their id alone, so the cursor carries only the last one's id. */
const cursor = keysetCursor('audit', []);
const EXPORT_PAGE = 1000;

/** Admins read the log and the exports; everyone else gets FORBIDDEN like the rest of the admin API. */
export async function assertOrgAdmin(db: Db, user: SessionUser, orgId: string): Promise<void> {
  const access = await readOrgAccess(db, orgId, user.id);
  assertCanManageMembers(access?.role ?? null);
}

/** One page, newest first. */
export async function listAudit(
  db: Db,
  user: SessionUser,
  orgId: string,
  query: AuditFilters & { cursor?: string | undefined; limit: number },
): Promise<ListAuditResponse> {
  await assertOrgAdmin(db, user, orgId);
  const after = query.cursor ? entryIdOf(query.cursor) : null;
  const rows = await auditRows(db, orgId, query, after, query.limit + 1);
  const items = await toEntries(db, orgId, rows.slice(0, query.limit));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? cursor.encode([], last.id) : null };
}

/**
 * The whole filtered log, newest first, as the download's bytes page by page (authorize first):
 * each page read while the one before it is encoded, each entry with its revert.
 */
export async function* auditExportPages(
  db: Db,
  orgId: string,
  filters: AuditFilters,
  format: ExportFormat,
  encode: AuditPageEncoder,
): AsyncGenerator<string | Uint8Array> {
  const read = (after: string | null) => () => auditPagePacked(db, orgId, filters, after, EXPORT_PAGE);
  yield* readAhead(
    read(null),
    (page) => (page.count === EXPORT_PAGE ? read(page.lastId) : null),
    async (page) => (page.rows === null ? '' : encode(page.rows, format)),
  );
}

/** The entries of a page, each with the change that reverted it (one read for the page). */
export async function toEntries(db: Db, orgId: string, rows: AuditRow[]): Promise<AuditEntry[]> {
  const seqs = rows.flatMap((row) => (row.seq === null ? [] : [row.seq]));
  const reverts = new Map<number, AuditRevertLink>();
  for (const revert of await revertsOf(db, orgId, seqs)) {
    reverts.set(revert.revert_of, {
      entryId: String(revert.id),
      seq: revert.seq!,
      at: new Date(revert.at).toISOString(),
      actor: { id: revert.actor_id, name: revert.actor_name },
    });
  }
  return rows.map((row) => toAuditEntry(row, row.seq === null ? null : (reverts.get(row.seq) ?? null)));
}

/** Entry ids are bigserial: anything else in a cursor was not written by this server. */
function entryIdOf(value: string): string {
  const { id } = cursor.decode(value);
  if (!/^[1-9]\d{0,17}$/.test(id)) {
    throw new DomainError(
      'INVALID_CURSOR',
      'The cursor does not belong to this list; start again from the first page',
      {
        field: 'cursor',
      },
    );
  }
  return id;
}
