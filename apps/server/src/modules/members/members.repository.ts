import { changedByPerson } from '../api-keys/api-key-token.ts';
import { sql, type Expression, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { MEMBER_COUNT_CAP, type Member, type MemberSort, type OrgRole, type SortOrder } from '@roster/contracts';
import type { Database } from '../../db/schema.ts';
import { cursorValue, keysetCursor, type KeysetCursor } from '../../lib/keyset-cursor.ts';

type Reader = Kysely<Database>;

/** The sort keys of each order, each index-backed and ended by user_id so the order is total. */
const sortKeys: Record<MemberSort, Array<Expression<unknown>>> = {
  name: [sql`lower(m.name)`],
  email: [sql`lower(m.email)`],
  joinedAt: [sql`m.joined_at`],
  role: [sql`m.role`, sql`lower(m.name)`],
};

/** One cursor per sort, so a cursor only ever continues the order it came from. */
const cursors: Record<MemberSort, KeysetCursor> = {
  name: keysetCursor('members:name', [cursorValue.text]),
  email: keysetCursor('members:email', [cursorValue.text]),
  joinedAt: keysetCursor('members:joinedAt', [cursorValue.date]),
  role: keysetCursor('members:role', [cursorValue.role, cursorValue.text]),
};

const memberColumns = [
  'm.user_id',
  'm.name',
  'm.email',
  'm.role',
  'm.lite',
  'm.joined_at',
  'm.version',
  'm.changed_by',
  'm.changed_at',
] as const;

function memberRows(db: Reader) {
  return db
    .selectFrom('org_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('users as c', 'c.id', 'm.changed_by')
    .select(memberColumns)
    .select(['c.name as changed_by_name', 'u.two_factor_enabled']);
}
type MemberRow = Awaited<ReturnType<ReturnType<typeof memberRows>['execute']>>[number];
type MemberWorkspace = Member['workspaces'][number];
/** A row of a page: the member and their workspace grants, read in the same statement. */
type PageRow = MemberRow & { workspaces: MemberWorkspace[] | null };

/**
 * The workspaces of the member `m` in this org as one JSON array, by name: a column of the
 * statement that reads the member, so a page costs one round trip instead of two. Evaluated for
 * the rows the page returns (PostgreSQL computes such a column after the sort and the limit).
 */
const workspacesOf = (orgId: string) =>
  sql<MemberWorkspace[] | null>`(
    select coalesce(jsonb_agg(jsonb_build_object('id', w.id, 'name', w.name, 'role', wm.role) order by w.name), '[]'::jsonb)
    from workspace_members wm join workspaces w on w.id = wm.workspace_id
    where wm.org_id = ${orgId} and wm.user_id = m.user_id
  )`.as('workspaces');

export interface MemberPage {
  items: Member[];
  nextCursor: string | null;
  total: number;
  totalIsCapped: boolean;
}

type ListFilters = { q?: string | undefined; role?: OrgRole | undefined; twoFactor?: 'on' | 'off' | undefined };
type ListQuery = { sort: MemberSort; order: SortOrder; limit: number; cursor?: string | undefined } & ListFilters;
type After = { values: string[]; id: string } | null;
type Count = { total: number; totalIsCapped: boolean };

function filtered(db: Reader, orgId: string, filters: ListFilters) {
  let query = memberRows(db).where('m.org_id', '=', orgId);
  if (filters.role) query = query.where('m.role', '=', filters.role);
  if (filters.twoFactor) query = query.where('u.two_factor_enabled', '=', filters.twoFactor === 'on');
  if (filters.q) {
    query = query.where(nameOrEmailContains(filters.q));
  }
  return query;
}

/** One keyset page: as fast on page 2,000 as on page 1. */
export async function listMembers(db: Reader, orgId: string, query: ListQuery): Promise<MemberPage> {
  const after = query.cursor ? cursors[query.sort].decode(query.cursor) : null;
  const { rows, count } = query.q
    ? await searchPage(db, orgId, { ...query, q: query.q }, after)
    : await plainPageAndCount(db, orgId, query, after);
  const { total, totalIsCapped } = count ?? (await countMembers(db, orgId, query));
  const hasMore = rows.length > query.limit;
  const pageRows = rows.slice(0, query.limit);
  const items = pageRows.map((row) => toMember(row, row.workspaces ?? []));
  const last = pageRows.at(-1);
  return {
    items,
    nextCursor: hasMore && last ? cursors[query.sort].encode(cursorValues(query.sort, last), last.user_id) : null,
    total,
    totalIsCapped,
  };
}

/** Without a search the count is a read of its own: asked beside the page, not after it. */
async function plainPageAndCount(db: Reader, orgId: string, query: ListQuery, after: After) {
  const [rows, count] = await Promise.all([plainPage(db, orgId, query, after), countMembers(db, orgId, query)]);
  return { rows, count };
}

function plainPage(db: Reader, orgId: string, query: ListQuery, after: After) {
  const dir = query.order === 'desc' ? 'desc' : 'asc';
  let page = filtered(db, orgId, query).select(workspacesOf(orgId));
  if (after) page = page.where(afterCursor(query.sort, query.order, after.values, after.id));
  for (const key of sortKeys[query.sort]) page = page.orderBy(key, dir);
  return page
    .orderBy('m.user_id', dir)
    .limit(query.limit + 1)
    .execute();
}

/**
 * Without a search, the trigger-kept counts answer at once; the two-factor filter (a fact of
 * the account, which those counts do not know) counts its matches, up to the cap.
 */
async function countMembers(db: Reader, orgId: string, filters: ListFilters): Promise<Count> {
  if (filters.twoFactor) {
    let matches = db
      .selectFrom('org_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(sql`1`.as('one'))
      .where('m.org_id', '=', orgId)
      .where('u.two_factor_enabled', '=', filters.twoFactor === 'on');
    if (filters.role) matches = matches.where('m.role', '=', filters.role);
    return capped(db, matches.limit(MEMBER_COUNT_CAP + 1));
  }
  let counts = db
    .selectFrom('org_member_counts')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('count'), eb.lit(0)).as('count'))
    .where('org_id', '=', orgId);
  if (filters.role) counts = counts.where('role', '=', filters.role);
  const { count } = await counts.executeTakeFirstOrThrow();
  return { total: Number(count), totalIsCapped: false };
}

/** Counts the rows of `matches`, which stops after MEMBER_COUNT_CAP + 1 of them. */
async function capped<DB, TB extends keyof DB, O>(db: Reader, matches: SelectQueryBuilder<DB, TB, O>): Promise<Count> {
  const { count } = await db
    .selectFrom(matches.as('f'))
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  return cappedCount(Number(count));
}

function cappedCount(count: number): Count {
  return count > MEMBER_COUNT_CAP
    ? { total: MEMBER_COUNT_CAP, totalIsCapped: true }
    : { total: count, totalIsCapped: false };
}

/** Rows of the org a search reads in page order before it turns to the trigram indexes. */
const WALK_ROWS = 2000;
/** A term is common when counting to the cap by walking would read fewer rows than this. */
const DENSE_ROWS = 10_000;

type SearchQuery = ListQuery & { q: string };

/**
 * A search, by a plan the code chooses rather than the planner: PostgreSQL's plan for a
 * prepared statement stops looking at its parameters after five runs, and the generic plan it
 * keeps cannot tell `a` (every member) from an address (one member). ADR 26.
 *
 * An address goes to its own index. Any other term first reads the org's rows in page order, a
 * bounded number of them: a common term fills the page (and often proves the capped count)
 * from those alone. Only when it does not, the term is rare and the trigram indexes find its
 * few matches (or, for a term too short for trigrams, the walk reads on).
 */
async function searchPage(
  db: Reader,
  orgId: string,
  query: SearchQuery,
  after: After,
): Promise<{ rows: PageRow[]; count: Count | null }> {
  // An address is all but certain to be rare: its own index answers without the walk.
  if (addressLocalPart(query.q) !== null) return trigramPage(db, orgId, query, after);
  const walk = await walkPage(db, orgId, query, after);
  const walked = Number(walk[0]?.walked ?? 0);
  const hits = Number(walk[0]?.hits ?? 0);
  const exhausted = walk.length > 0 && walked < WALK_ROWS;
  // Every match is among the rows read when they were all the org held past no cursor.
  const count = hits > MEMBER_COUNT_CAP || (exhausted && !after) ? cappedCount(hits) : null;
  // Rows a walk would read to count past the cap, at the density the first rows showed.
  const dense = hits * DENSE_ROWS > (MEMBER_COUNT_CAP + 1) * walked || !hasTrigram(query.q);
  const counted = async () => count ?? (await searchCount(db, orgId, query, dense));
  if (walk.length > query.limit || exhausted) return { rows: walk, count: await counted() };
  if (!hasTrigram(query.q)) return { rows: await scanPage(db, orgId, query, after), count: await counted() };
  return trigramPage(db, orgId, query, after);
}

/** The org's first WALK_ROWS rows in page order, and which of them match. */
function walkPage(db: Reader, orgId: string, query: SearchQuery, after: After) {
  const dir = query.order === 'desc' ? 'desc' : 'asc';
  let rows = db
    .selectFrom('org_members as m')
    .select(memberColumns)
    .select(matchesNow(query).as('hit'))
    .where('m.org_id', '=', orgId);
  if (query.role) rows = rows.where('m.role', '=', query.role);
  if (after) rows = rows.where(afterCursor(query.sort, query.order, after.values, after.id));
  for (const key of sortKeys[query.sort]) rows = rows.orderBy(key, dir);
  const read = rows.orderBy('m.user_id', dir).limit(WALK_ROWS);
  const counted = db
    .selectFrom(read.as('s'))
    .selectAll('s')
    .select([
      sql<string>`count(*) over ()`.as('walked'),
      sql<string>`count(*) filter (where s.hit) over ()`.as('hits'),
    ]);
  // The page is cut before the joins, so they read a page of accounts, not every row walked.
  let hits = db.selectFrom(counted.as('m')).selectAll('m').where('m.hit', '=', true);
  for (const key of sortKeys[query.sort]) hits = hits.orderBy(key, dir);
  let page = db
    .selectFrom(
      hits
        .orderBy('m.user_id', dir)
        .limit(query.limit + 1)
        .as('m'),
    )
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('users as c', 'c.id', 'm.changed_by')
    .select(memberColumns)
    .select(['m.walked', 'm.hits', 'c.name as changed_by_name', 'u.two_factor_enabled'])
    .select(workspacesOf(orgId));
  for (const key of sortKeys[query.sort]) page = page.orderBy(key, dir);
  return page.orderBy('m.user_id', dir).execute();
}

/** A term without trigrams (one or two letters) that the first rows did not satisfy: read on. */
function scanPage(db: Reader, orgId: string, query: SearchQuery, after: After) {
  const dir = query.order === 'desc' ? 'desc' : 'asc';
  let page = memberRows(db).select(workspacesOf(orgId)).where('m.org_id', '=', orgId).where(matchesNow(query));
  if (query.role) page = page.where('m.role', '=', query.role);
  if (after) page = page.where(afterCursor(query.sort, query.order, after.values, after.id));
  for (const key of sortKeys[query.sort]) page = page.orderBy(key, dir);
  return page
    .orderBy('m.user_id', dir)
    .limit(query.limit + 1)
    .execute();
}

/**
 * A rare term: its matches from the trigram indexes, then sorted. The org is compared as
 * `org_id || ''` so no org index can serve it: a generic plan that guesses a small org would
 * otherwise read the org's rows one by one instead of the term's.
 */
async function trigramPage(
  db: Reader,
  orgId: string,
  query: SearchQuery,
  after: After,
): Promise<{ rows: PageRow[]; count: Count }> {
  const dir = query.order === 'desc' ? 'desc' : 'asc';
  let page = db
    .with(
      (cte) => cte('m').materialized(),
      (d) => {
        const local = addressLocalPart(query.q);
        let matches = d
          .selectFrom('org_members as m')
          .select(memberColumns)
          .where(sql<string>`m.org_id || ''`, '=', orgId)
          .where(local === null ? nameOrEmailContains(query.q) : nameContains(query.q));
        if (query.role) matches = matches.where('m.role', '=', query.role);
        if (local === null) return matches;
        // An address holds one '@', so one that contains `local@domain` has a local part ending
        // in `local`: a range of the reversed local parts (migration 0014), then the term itself.
        const reversed = [...local].reverse().join('');
        let addresses = d
          .selectFrom('org_members as m')
          .select(memberColumns)
          .where('m.org_id', '=', orgId)
          .where(sql<SqlBool>`reverse(split_part(lower(m.email), '@', 1)) ~>=~ ${reversed}`)
          .where(sql<SqlBool>`reverse(split_part(lower(m.email), '@', 1)) ~<~ ${`${reversed}\u{10FFFF}`}`)
          .where(sql<SqlBool>`strpos(lower(m.email), ${query.q.toLowerCase()}) > 0`);
        if (query.role) addresses = addresses.where('m.role', '=', query.role);
        return matches.union(addresses);
      },
    )
    .selectFrom('m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('users as c', 'c.id', 'm.changed_by')
    .select(memberColumns)
    .select(['c.name as changed_by_name', 'u.two_factor_enabled'])
    .select(workspacesOf(orgId))
    .select((eb) => {
      let all = eb.selectFrom('m as h').innerJoin('users as hu', 'hu.id', 'h.user_id');
      if (query.twoFactor) all = all.where('hu.two_factor_enabled', '=', query.twoFactor === 'on');
      return all.select((e) => e.fn.countAll<string>().as('n')).as('matches');
    });
  if (query.twoFactor) page = page.where('u.two_factor_enabled', '=', query.twoFactor === 'on');
  if (after) page = page.where(afterCursor(query.sort, query.order, after.values, after.id));
  for (const key of sortKeys[query.sort]) page = page.orderBy(key, dir);
  const rows = await page
    .orderBy('m.user_id', dir)
    .limit(query.limit + 1)
    .execute();
  if (rows[0]) return { rows, count: cappedCount(Number(rows[0].matches)) };
  return { rows, count: after ? await searchCount(db, orgId, query, false) : cappedCount(0) };
}

/**
 * The matches of a search, counted up to the cap. A common term walks the name order until the
 * cap; a rarer one reads its matches from the trigram indexes (the org hidden from the planner
 * as in trigramPage).
 */
function searchCount(db: Reader, orgId: string, query: SearchQuery, dense: boolean): Promise<Count> {
  if (dense) {
    let walk = db
      .selectFrom('org_members as m')
      .select(sql`1`.as('one'))
      .where('m.org_id', '=', orgId)
      .where(matchesNow(query));
    if (query.role) walk = walk.where('m.role', '=', query.role);
    return capped(
      db,
      walk
        .orderBy(sql`lower(m.name)`)
        .orderBy('m.user_id')
        .limit(MEMBER_COUNT_CAP + 1),
    );
  }
  let matches = db
    .selectFrom('org_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(sql`1`.as('one'))
    .where(sql<string>`m.org_id || ''`, '=', orgId)
    .where(nameOrEmailContains(query.q));
  if (query.role) matches = matches.where('m.role', '=', query.role);
  if (query.twoFactor) matches = matches.where('u.two_factor_enabled', '=', query.twoFactor === 'on');
  return capped(db, matches.limit(MEMBER_COUNT_CAP + 1));
}

/**
 * Whether the row matches, in a form no index serves and the planner guesses matches a third
 * of rows: the plan then reads rows in page order and stops at the page, as a common term
 * wants. The two-factor filter is part of it, since a walk reads rows that do not match.
 */
function matchesNow(query: SearchQuery) {
  const text = query.q.toLowerCase();
  const contains = sql<SqlBool>`(strpos(lower(m.name), ${text}) > 0 or strpos(lower(m.email), ${text}) > 0)`;
  if (!query.twoFactor) return contains;
  const on = query.twoFactor === 'on';
  return sql<SqlBool>`(${contains} and exists (select 1 from users t where t.id = m.user_id and t.two_factor_enabled = ${on}))`;
}

/** pg_trgm reads a pattern's trigrams from its runs of three or more letters or digits. */
function hasTrigram(q: string): boolean {
  return /[\p{L}\p{N}]{3}/u.test(q);
}

function afterCursor(sort: MemberSort, order: SortOrder, values: string[], id: string) {
  const keys = sortKeys[sort];
  const cast = (v: string) => (sort === 'joinedAt' ? sql`cast(${v} as timestamptz)` : sql`${v}`);
  const left = sql.join([...keys, sql`m.user_id`]);
  const right = sql.join([...values.map(cast), sql`${id}`]);
  return order === 'desc' ? sql<SqlBool>`(${left}) < (${right})` : sql<SqlBool>`(${left}) > (${right})`;
}

function cursorValues(sort: MemberSort, row: MemberRow): string[] {
  switch (sort) {
    case 'name':
      return [row.name.toLowerCase()];
    case 'email':
      return [row.email.toLowerCase()];
    case 'joinedAt':
      return [new Date(row.joined_at).toISOString()];
    case 'role':
      return [row.role, row.name.toLowerCase()];
  }
}

/** Reads one member as the page shows it, or null: one statement, their workspaces included. */
export async function findMember(db: Reader, orgId: string, userId: string): Promise<Member | null> {
  const row = await memberRows(db)
    .select(workspacesOf(orgId))
    .where('m.org_id', '=', orgId)
    .where('m.user_id', '=', userId)
    .executeTakeFirst();
  if (!row) return null;
  return toMember(row, row.workspaces ?? []);
}

function toMember(row: MemberRow, workspaces: MemberWorkspace[]): Member {
  return {
    userId: row.user_id,
    name: row.name,
    email: row.email,
    role: row.role,
    lite: row.lite,
    joinedAt: new Date(row.joined_at).toISOString(),
    twoFactorEnabled: row.two_factor_enabled,
    version: row.version,
    workspaces,
    lastChange:
      row.changed_by && row.changed_at
        ? {
            by: { id: row.changed_by, name: row.changed_by_name ?? 'Someone' },
            at: new Date(row.changed_at).toISOString(),
          }
        : null,
  };
}

/**
 * The org's admin count for R10, read only when the change takes an admin away: no other change
 * can leave the org without one, so the rule needs no count then (and the lock is held shorter).
 */
export async function adminCountIf(db: Reader, orgId: string, takesAnAdmin: boolean): Promise<number> {
  return takesAnAdmin ? countAdmins(db, orgId) : Number.POSITIVE_INFINITY;
}

export async function countAdmins(db: Reader, orgId: string): Promise<number> {
  const { count } = await db
    .selectFrom('org_members')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('org_id', '=', orgId)
    .where('role', '=', 'ADMIN')
    .executeTakeFirstOrThrow();
  return Number(count);
}

/** Writes the role only if nobody changed the row since `version`; returns whether it did. */
export async function updateMemberRole(
  db: Reader,
  change: { orgId: string; userId: string; role: OrgRole; version: number; by: string; at: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('org_members')
    .set({
      role: change.role,
      version: sql`version + 1`,
      changed_by: changedByPerson(change.by),
      changed_at: change.at,
    })
    .where('org_id', '=', change.orgId)
    .where('user_id', '=', change.userId)
    .where('version', '=', change.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The account's name and email as they are now (org rows hold copies), or null once it is gone. */
export async function accountIdentity(db: Reader, userId: string): Promise<{ name: string; email: string } | null> {
  const row = await db.selectFrom('users').select(['name', 'email']).where('id', '=', userId).executeTakeFirst();
  return row ?? null;
}

/** Copies a person's new name and email onto their row in one org, as a change by them. */
export async function updateMemberIdentity(
  db: Reader,
  change: { orgId: string; userId: string; name: string; email: string; at: Date },
): Promise<void> {
  await db
    .updateTable('org_members')
    .set({
      name: change.name,
      email: change.email,
      version: sql`version + 1`,
      changed_by: change.userId,
      changed_at: change.at,
    })
    .where('org_id', '=', change.orgId)
    .where('user_id', '=', change.userId)
    .execute();
}

/** Removes the org membership and every workspace membership in that org; history stays. */
export async function deleteMember(db: Reader, orgId: string, userId: string, version: number): Promise<boolean> {
  const result = await db
    .deleteFrom('org_members')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) !== 1) return false;
  await db.deleteFrom('workspace_members').where('org_id', '=', orgId).where('user_id', '=', userId).execute();
  return true;
}

/**
 * The part of a term before its '@', lower-cased, when the term names an address that far (a
 * local part of three letters or digits, so the name side has trigrams too); else null.
 */
function addressLocalPart(q: string): string | null {
  const at = q.indexOf('@');
  if (at < 1 || !hasTrigram(q)) return null;
  return q.slice(0, at).toLowerCase();
}

function nameContains(q: string) {
  return sql<SqlBool>`lower(m.name) like ${`%${escapeLike(q.toLowerCase())}%`}`;
}

/** Whether org member `m`'s name or email contains `q`, case-insensitively (trigram-indexed). */
export function nameOrEmailContains(q: string) {
  const pattern = `%${escapeLike(q.toLowerCase())}%`;
  return sql<SqlBool>`(lower(m.name) like ${pattern} or lower(m.email) like ${pattern})`;
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
