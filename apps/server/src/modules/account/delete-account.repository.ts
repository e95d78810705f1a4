import { sql } from 'kysely';
import type { OrgRole } from '@roster/contracts';
import type { Db } from '../../db/connect.ts';

export interface AccountOrg {
  id: string;
  name: string;
  isCreator: boolean;
  /** null: the creator of an org they are no longer a member of. */
  role: OrgRole | null;
  adminCount: number;
}

/** Every org the person belongs to or created, with what its rules need to know. */
export async function accountOrgs(db: Db, userId: string): Promise<AccountOrg[]> {
  const rows = await db
    .selectFrom('organizations as o')
    .leftJoin('org_members as m', (join) => join.onRef('m.org_id', '=', 'o.id').on('m.user_id', '=', userId))
    .select(['o.id', 'o.name', 'o.created_by', 'm.role'])
    .select((eb) =>
      eb
        .selectFrom('org_members as a')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('a.org_id', '=', 'o.id')
        .where('a.role', '=', 'ADMIN')
        .as('admin_count'),
    )
    .where((eb) => eb.or([eb('o.created_by', '=', userId), eb('m.user_id', 'is not', null)]))
    .orderBy('o.name')
    .orderBy('o.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    isCreator: row.created_by === userId,
    role: row.role,
    adminCount: Number(row.admin_count ?? 0),
  }));
}

/**
 * Deletes the account (its sessions, accounts and two-factor rows cascade), but only once no
 * org holds it any more: a membership gained meanwhile would otherwise vanish unaudited.
 */
export async function deleteUnattachedUser(db: Db, userId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('users')
    .where('id', '=', userId)
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('org_members').select(sql.lit(1).as('one')).where('user_id', '=', userId))),
    )
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('organizations').select(sql.lit(1).as('one')).where('created_by', '=', userId))),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
