import type { MyOrg } from '@roster/contracts';
import type { Db } from '../../db/connect.ts';

/** The organizations a person belongs to, with their role in each. */
export async function myOrganizations(db: Db, userId: string): Promise<MyOrg[]> {
  return db
    .selectFrom('org_members as m')
    .innerJoin('organizations as o', 'o.id', 'm.org_id')
    .select(['o.id', 'o.name', 'o.slug', 'm.role', 'm.lite'])
    .where('m.user_id', '=', userId)
    .orderBy('o.name')
    .execute();
}
