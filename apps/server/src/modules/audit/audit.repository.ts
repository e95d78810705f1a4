import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { AuditFilters } from '@roster/contracts';
import type { Database } from '../../db/schema.ts';
import { escapeLike } from '../members/members.repository.ts';
import { revertOfJson } from '../events/recorded-events.repository.ts';
import { rarestPiece } from './search-piece.ts';

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

function filteredEvents(db: Reader, orgId: string, filters: AuditFilters, piece: string | null) {
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
  if (filters.q) query = query.where(mentions(filters.q, piece));
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
 * The searched text of an entry: its actor's name and its JSON, all in one, exactly the
 * expression of the trigram index (migration 0013), or the planner cannot use the index.
 */
const searchedText = sql<string>`(actor_name || ' ' || cast(data as text) || ' ' || coalesce(cast(before as text), '') || ' ' ||
       coalesce(cast(after as text), ''))`;

/**
 * The names and emails an entry carries live in its JSON (copied at the time of the change),
 * so the search reads the entry's text. The first condition asks the trigram index about
 * `piece`, a part of the term few entries hold (search-piece.ts), or the whole term; any entry
 * the second condition matches contains the term, so also the piece: it changes no result.
 */
function mentions(q: string, piece: string | null) {
  const pattern = `%${escapeLike(q)}%`;
  return sql<SqlBool>`(${searchedText} ilike ${piece === null ? pattern : `%${escapeLike(piece)}%`}
    and (actor_name ilike ${pattern} or cast(data as text) ilike ${pattern}
    or cast(before as text) ilike ${pattern} or cast(after as text) ilike ${pattern}))`;
}

/** How many of an org's newest entries say which pieces of a term are rare, and for how long. */
const SAMPLE_SIZE = 200;
const SAMPLE_TTL_MS = 5 * 60_000;
const SAMPLED_ORGS = 100;
const samples = new Map<string, { at: number; texts: Promise<string[]> }>();

/** The searched text of the org's newest entries, lowercased (read again every few minutes). */
function searchSample(db: Reader, orgId: string): Promise<string[]> {
  const now = Date.now();
  const cached = samples.get(orgId);
  if (cached && now - cached.at < SAMPLE_TTL_MS) return cached.texts;
  const texts = db
    .selectFrom('events')
    .select(searchedText.as('text'))
    .where('org_id', '=', orgId)
    .orderBy('id', 'desc')
    .limit(SAMPLE_SIZE)
    .execute()
    .then((rows) => rows.map((row) => row.text.toLowerCase()));
  samples.delete(orgId);
  if (samples.size >= SAMPLED_ORGS) samples.delete(samples.keys().next().value!);
  samples.set(orgId, { at: now, texts });
  texts.catch(() => samples.delete(orgId));
  return texts;
}

/** Up to `limit` entries older than `beforeId` (all when null), newest first. */
export async function auditRows(
  db: Reader,
  orgId: string,
  filters: AuditFilters,
  beforeId: string | null,
  limit: number,
): Promise<AuditRow[]> {
  return (await pageQuery(db, orgId, filters, beforeId, limit)).execute();
}

async function pageQuery(db: Reader, orgId: string, filters: AuditFilters, beforeId: string | null, limit: number) {
  const piece = filters.q ? rarestPiece(filters.q, await searchSample(db, orgId)) : null;
  let query = filteredEvents(db, orgId, filters, piece);
  if (beforeId !== null) query = query.where(sql<SqlBool>`id < cast(${beforeId} as bigint)`);
  return query.orderBy('id', 'desc').limit(limit);
}

/** One export page as the database writes it (see `auditPagePacked`). */
export interface PackedAuditPage {
  /** The page's rows as one JSON text, read by `unpackAuditRows`; null when none matched. */
  rows: string | null;
  count: number;
  /** The oldest entry's id, where the next page starts. */
  lastId: string | null;
}

/**
 * The same rows as `auditRows`, each with the change that reverted it, for the export: the
 * database writes the page as one JSON text (an array per row, `unpackAuditRows`), which the
 * export encodes off the event loop without reading it here. Read row by row with its
 * columns, a page of 1,000 entries cost PGlite 40 to 100 ms in the drivers' per-column decoding
 * (three JSON columns each), against 13 to 19 ms this way, and the reverts come in the same
 * statement. ADR 32.
 */
export async function auditPagePacked(
  db: Reader,
  orgId: string,
  filters: AuditFilters,
  beforeId: string | null,
  limit: number,
): Promise<PackedAuditPage> {
  const page = (await pageQuery(db, orgId, filters, beforeId, limit)).as('p');
  const packed = await db
    .selectFrom(page)
    .select([
      // Each row an array written by hand: json_build_array, converting the JSON columns again,
      // took PGlite three times as long. The id as a string keeps a bigint's every digit; `at`
      // in JSON's ISO form, which Date reads.
      sql<string | null>`'[' || string_agg('[' || concat_ws(',', to_json(cast(p.id as text)),
        ${nullable(sql`p.seq`)}, to_json(p.type), to_json(p.actor_id), to_json(p.actor_name),
        ${nullable(sql`to_json(p.actor_email)`)}, ${nullable(sql`to_json(p.target_id)`)},
        ${nullable(sql`cast(p.before as text)`)}, ${nullable(sql`cast(p.after as text)`)}, cast(p.data as text),
        to_json(p.at), ${nullable(sql`to_json(p.request_id)`)}, ${nullable(sql`to_json(p.ip)`)},
        ${nullable(sql`to_json(p.user_agent)`)}, ${nullable(revertOfJson(orgId, sql`p.seq`))}) || ']',
        ',' order by p.id desc) || ']'`.as('rows'),
      sql<number>`cast(count(*) as int)`.as('count'),
      sql<string | null>`cast(min(p.id) as text)`.as('lastId'),
    ])
    .executeTakeFirstOrThrow();
  return packed;
}

/** A value as JSON text, null as `null` (concat_ws would leave it out). */
const nullable = (value: RawBuilder<unknown>) => sql`coalesce(cast(${value} as text), 'null')`;

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
