import { sql, type Kysely, type SqlBool } from 'kysely';
import type { AuditFilters } from '@roster/contracts';
import type { Database } from '../../db/schema.ts';
import { escapeLike } from '../members/members.repository.ts';

type Reader = Kysely<Database>;

const entryColumns = [
  'id',
  'seq',
  'type',
  'actor_id',
  'actor_name',
  'actor_email',
  'target_id',
  'before',
  'after',
  'data',
  'at',
  'request_id',
  'ip',
  'user_agent',
] as const;

function filteredEvents(db: Reader, orgId: string, filters: AuditFilters) {
  let query = db
    .selectFrom('events')
    .select(entryColumns)
    .where('org_id', '=', orgId)
    .where('seq', filters.outcome === 'denied' ? 'is' : 'is not', null);
  if (filters.actor) query = query.where('actor_id', '=', filters.actor);
  if (filters.target) query = query.where('target_id', '=', filters.target);
  const member = filters.member;
  if (member) query = query.where((eb) => eb.or([eb('actor_id', '=', member), eb('target_id', '=', member)]));
  if (filters.action) query = query.where(typeMatches(filters.action));
  if (filters.from && filters.to) query = query.where(withinWindow(db, orgId, filters.from, filters.to));
  else if (filters.from) query = query.where('at', '>=', new Date(filters.from));
  else if (filters.to) query = query.where('at', '<', new Date(filters.to));
  if (filters.q) query = query.where(mentions(filters.q));
  return query;
}
export type AuditRow = Awaited<ReturnType<ReturnType<typeof filteredEvents>['execute']>>[number];

/**
 * Entries from `from` to `to`. Pages run by id, so a window six months back would step over every
 * newer entry first; instead the window's newest id is read from the (org_id, at, id) index alone
 * and the walk down the ids starts there. Every entry of the window has an id up to it, so the
 * bound changes no result. (With `from` alone the newest entries are the window's anyway.)
 */
function withinWindow(db: Reader, orgId: string, from: string, to: string) {
  const newest = db
    .selectFrom('events as w')
    // `+ 0`: a bare max(id) is planned as that walk down the primary key, the one this avoids.
    .select(sql<number>`max(w.id + 0)`.as('newest'))
    .where('w.org_id', '=', orgId)
    .where('w.at', '>=', new Date(from))
    .where('w.at', '<', new Date(to));
  // `+ interval '0 seconds'`: the same bounds, which a generic plan of this prepared statement
  // would otherwise read from the `at` index, sorting the whole window by id.
  return sql<SqlBool>`(at + interval '0 seconds' >= ${new Date(from)} and at + interval '0 seconds' < ${new Date(to)}
    and id <= (${newest}))`;
}

/**
 * Exact types by equality, `domain.*` by prefix; both walk the (org_id, type, id) index. A revert
 * is named after what it undid (`member.removed.reverted`, its event being a `member.joined`), so
 * `X.reverted` matches the reverts of X, and `X` only the changes that are not reverts. A revert's
 * event is in the domain of what it undid, so prefixes need no such care.
 */
function typeMatches(patterns: string[]) {
  const each = patterns.map((pattern) => {
    if (pattern.endsWith('.*')) return sql<SqlBool>`type like ${`${escapeLike(pattern.slice(0, -1))}%`}`;
    if (pattern.endsWith(REVERTED)) {
      return sql<SqlBool>`(data ? 'revertOf' and data ->> 'revertedAction' = ${pattern.slice(0, -REVERTED.length)})`;
    }
    return sql<SqlBool>`(type = ${pattern} and not data ? 'revertOf')`;
  });
  return sql<SqlBool>`(${sql.join(each, sql` or `)})`;
}
const REVERTED = '.reverted';

/**
 * The names and emails an entry carries live in its JSON (copied at the time of the change),
 * so the search reads the entry's text. The first condition is the whole text in one, exactly
 * the expression of the trigram index (migration 0013), which finds the few entries a rare term
 * matches without reading the rest; any entry the second condition matches also matches the
 * first, so it changes no result.
 */
function mentions(q: string) {
  const pattern = `%${escapeLike(q)}%`;
  return sql<SqlBool>`((actor_name || ' ' || cast(data as text) || ' ' || coalesce(cast(before as text), '') || ' ' ||
       coalesce(cast(after as text), '')) ilike ${pattern}
    and (actor_name ilike ${pattern} or cast(data as text) ilike ${pattern}
    or cast(before as text) ilike ${pattern} or cast(after as text) ilike ${pattern}))`;
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

/** The entry of the committed change with this seq. */
export async function auditRowBySeq(db: Reader, orgId: string, seq: number): Promise<AuditRow | undefined> {
  return db
    .selectFrom('events')
    .select(entryColumns)
    .where('org_id', '=', orgId)
    .where('seq', '=', seq)
    .executeTakeFirst();
}

export async function orgSlug(db: Reader, orgId: string): Promise<string> {
  const row = await db.selectFrom('organizations').select('slug').where('id', '=', orgId).executeTakeFirstOrThrow();
  return row.slug;
}
