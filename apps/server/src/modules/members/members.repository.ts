import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Member, MemberSort, OrgRole, SortOrder } from '@roster/contracts';
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

function memberRows(db: Reader) {
  return db
    .selectFrom('org_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('users as c', 'c.id', 'm.changed_by')
    .select([
      'm.user_id',
      'm.name',
      'm.email',
      'm.role',
      'm.lite',
      'm.joined_at',
      'm.version',
      'm.changed_by',
      'm.changed_at',
      'c.name as changed_by_name',
      'u.two_factor_enabled',
    ]);
}
type MemberRow = Awaited<ReturnType<ReturnType<typeof memberRows>['execute']>>[number];

export interface MemberPage {
  items: Member[];
  nextCursor: string | null;
  total: number;
}

type ListFilters = { q?: string | undefined; role?: OrgRole | undefined; twoFactor?: 'on' | 'off' | undefined };

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
export async function listMembers(
  db: Reader,
  orgId: string,
  query: { sort: MemberSort; order: SortOrder; limit: number; cursor?: string | undefined } & ListFilters,
): Promise<MemberPage> {
  const keys = sortKeys[query.sort];
  const dir = query.order === 'desc' ? 'desc' : 'asc';
  let page = filtered(db, orgId, query);
  const after = query.cursor ? cursors[query.sort].decode(query.cursor) : null;
  if (after) page = page.where(afterCursor(query.sort, query.order, after.values, after.id));
  for (const key of keys) page = page.orderBy(key, dir);
  const rows = await page
    .orderBy('m.user_id', dir)
    .limit(query.limit + 1)
    .execute();
  const total = await countMembers(db, orgId, query);
  const hasMore = rows.length > query.limit;
  const pageRows = rows.slice(0, query.limit);
  const items = await toMembers(db, orgId, pageRows);
  const last = pageRows.at(-1);
  return {
    items,
    nextCursor: hasMore && last ? cursors[query.sort].encode(cursorValues(query.sort, last), last.user_id) : null,
    total,
  };
}

/**
 * Without a search, the trigger-kept counts answer at once; a search or the two-factor filter
 * (a fact of the account, which those counts do not know) counts its matches.
 */
async function countMembers(db: Reader, orgId: string, filters: ListFilters): Promise<number> {
  if (filters.q || filters.twoFactor) {
    const { count } = await db
      .selectFrom(filtered(db, orgId, filters).as('f'))
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(count);
  }
  let counts = db
    .selectFrom('org_member_counts')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('count'), eb.lit(0)).as('count'))
    .where('org_id', '=', orgId);
  if (filters.role) counts = counts.where('role', '=', filters.role);
  const { count } = await counts.executeTakeFirstOrThrow();
  return Number(count);
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

/** Reads one member as the page shows it, or null. */
export async function findMember(db: Reader, orgId: string, userId: string): Promise<Member | null> {
  const row = await memberRows(db).where('m.org_id', '=', orgId).where('m.user_id', '=', userId).executeTakeFirst();
  if (!row) return null;
  const [member] = await toMembers(db, orgId, [row]);
  return member ?? null;
}

async function toMembers(db: Reader, orgId: string, rows: MemberRow[]): Promise<Member[]> {
  if (rows.length === 0) return [];
  const grants = await db
    .selectFrom('workspace_members as wm')
    .innerJoin('workspaces as w', 'w.id', 'wm.workspace_id')
    .select(['wm.user_id', 'w.id', 'w.name', 'wm.role'])
    .where('wm.org_id', '=', orgId)
    .where(
      'wm.user_id',
      'in',
      rows.map((r) => r.user_id),
    )
    .orderBy('w.name')
    .execute();
  return rows.map((row) => ({
    userId: row.user_id,
    name: row.name,
    email: row.email,
    role: row.role,
    lite: row.lite,
    joinedAt: new Date(row.joined_at).toISOString(),
    twoFactorEnabled: row.two_factor_enabled,
    version: row.version,
    workspaces: grants.filter((g) => g.user_id === row.user_id).map(({ id, name, role }) => ({ id, name, role })),
    lastChange:
      row.changed_by && row.changed_at
        ? {
            by: { id: row.changed_by, name: row.changed_by_name ?? 'Someone' },
            at: new Date(row.changed_at).toISOString(),
          }
        : null,
  }));
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
    .set({ role: change.role, version: sql`version + 1`, changed_by: change.by, changed_at: change.at })
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

/** Whether org member `m`'s name or email contains `q`, case-insensitively (trigram-indexed). */
export function nameOrEmailContains(q: string) {
  const pattern = `%${escapeLike(q.toLowerCase())}%`;
  return sql<SqlBool>`(lower(m.name) like ${pattern} or lower(m.email) like ${pattern})`;
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
