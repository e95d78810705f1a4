import { sql, type Kysely } from 'kysely';
import type { BulkMembersAction, OrgRole } from '@roster/contracts';
import type { Database } from '../../db/schema.ts';
import { nameOrEmailContains } from './members.repository.ts';

export interface BulkTarget {
  userId: string;
  name: string;
  role: OrgRole;
  lite: boolean;
  version: number;
  workspaceIds: string[];
  /** The org's admin count when the selection was read (the preview counts down from it). */
  adminCount: number;
}

/** The chosen rows as they are now; with a filter, every row the list would show (capped). */
export async function bulkTargets(
  db: Kysely<Database>,
  orgId: string,
  selection: Pick<BulkMembersAction, 'members' | 'filter'>,
): Promise<BulkTarget[]> {
  let query = db
    .selectFrom('org_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'm.name', 'm.role', 'm.lite', 'm.version'])
    .select((eb) => [
      eb.fn
        .coalesce(
          eb
            .selectFrom('workspace_members as wm')
            .select(sql<string[]>`array_agg(wm.workspace_id)`.as('ids'))
            .whereRef('wm.user_id', '=', 'm.user_id')
            .where('wm.org_id', '=', orgId),
          sql<string[]>`'{}'::text[]`,
        )
        .as('workspace_ids'),
    ])
    .where('m.org_id', '=', orgId)
    .orderBy(sql`lower(m.name)`)
    .orderBy('m.user_id')
    .limit(10_000);
  const seen = new Map(selection.members?.map((m) => [m.userId, m.version]));
  if (selection.members) query = query.where('m.user_id', 'in', selection.members.length ? [...seen.keys()] : ['']);
  if (selection.filter?.role) query = query.where('m.role', '=', selection.filter.role);
  if (selection.filter?.twoFactor)
    query = query.where('u.two_factor_enabled', '=', selection.filter.twoFactor === 'on');
  if (selection.filter?.q) {
    query = query.where(nameOrEmailContains(selection.filter.q));
  }
  const [rows, admins] = await Promise.all([
    query.execute(),
    db
      .selectFrom('org_member_counts')
      .select('count')
      .where('org_id', '=', orgId)
      .where('role', '=', 'ADMIN')
      .executeTakeFirst(),
  ]);
  return rows.map((row) => ({
    userId: row.user_id,
    name: row.name,
    role: row.role,
    lite: row.lite,
    // A row chosen on screen keeps the version the admin saw: a change since then is a conflict.
    version: seen.get(row.user_id) ?? row.version,
    workspaceIds: row.workspace_ids,
    adminCount: admins?.count ?? 0,
  }));
}

/** The owners of each workspace in which any of `userIds` is a member. */
export async function ownersByWorkspace(db: Kysely<Database>, orgId: string, userIds: string[]) {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('workspaces as w')
    .innerJoin('workspace_members as o', (join) => join.onRef('o.workspace_id', '=', 'w.id').on('o.role', '=', 'OWNER'))
    .select(['w.id', 'w.name', sql<string[]>`array_agg(o.user_id)`.as('owner_ids')])
    .where('w.org_id', '=', orgId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('workspace_members as t')
          .select('t.user_id')
          .whereRef('t.workspace_id', '=', 'w.id')
          .where('t.user_id', 'in', userIds),
      ),
    )
    .groupBy(['w.id', 'w.name'])
    .orderBy('w.name')
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, ownerIds: row.owner_ids }));
}
