import { sql, type Kysely, type SqlBool } from 'kysely';
import type { AuditFilters } from '@roster/contracts';
import type { Database } from '../../db/schema.ts';
import { escapeLike } from '../members/members.repository.ts';

type Reader = Kysely<Database>;

function filteredEvents(db: Reader, orgId: string, filters: AuditFilters) {
  let query = db
    .selectFrom('events')
    .select(['id', 'seq', 'type', 'actor_id', 'actor_name', 'target_id', 'before', 'after', 'data', 'at'])
    .where('org_id', '=', orgId)
    .where('seq', filters.outcome === 'denied' ? 'is' : 'is not', null);
  if (filters.actor) query = query.where('actor_id', '=', filters.actor);
  if (filters.target) query = query.where('target_id', '=', filters.target);
  if (filters.action) query = query.where(typeMatches(filters.action));
  if (filters.from) query = query.where('at', '>=', new Date(filters.from));
  if (filters.to) query = query.where('at', '<', new Date(filters.to));
  if (filters.q) query = query.where(mentions(filters.q));
  return query;
}
export type AuditRow = Awaited<ReturnType<ReturnType<typeof filteredEvents>['execute']>>[number];

/** Exact types by equality, `domain.*` by prefix; both walk the (org_id, type, id) index. */
function typeMatches(patterns: string[]) {
  const each = patterns.map((pattern) =>
    pattern.endsWith('.*')
      ? sql<SqlBool>`type like ${`${escapeLike(pattern.slice(0, -1))}%`}`
      : sql<SqlBool>`type = ${pattern}`,
  );
  return sql<SqlBool>`(${sql.join(each, sql` or `)})`;
}

/**
 * The names and emails an entry carries live in its JSON (copied at the time of the change),
 * so the search reads the entry's text: simple, and bounded by the org's own entries.
 */
function mentions(q: string) {
  const pattern = `%${escapeLike(q)}%`;
  return sql<SqlBool>`(actor_name ilike ${pattern} or cast(data as text) ilike ${pattern}
    or cast(before as text) ilike ${pattern} or cast(after as text) ilike ${pattern})`;
}

/** Up to `limit` entries older than `beforeId` (all when null), newest first. */
export async function auditRows(
  db: Reader,
  orgId: string,
  filters: AuditFilters,
  beforeId: string | null,
  limit: number,
): Promise<AuditRow[]> {
  let query = filteredEvents(db, orgId, filters);
  if (beforeId !== null) query = query.where(sql<SqlBool>`id < cast(${beforeId} as bigint)`);
  return query.orderBy('id', 'desc').limit(limit).execute();
}

export async function orgSlug(db: Reader, orgId: string): Promise<string> {
  const row = await db.selectFrom('organizations').select('slug').where('id', '=', orgId).executeTakeFirstOrThrow();
  return row.slug;
}
