import { OrgSettingsSchema, type MyOrg } from '@roster/contracts';
import type { Db } from '../../db/connect.ts';

/** The organizations a person belongs to, with their role in each. */
export async function myOrganizations(db: Db, userId: string): Promise<MyOrg[]> {
  const rows = await db
    .selectFrom('org_members as m')
    .innerJoin('organizations as o', 'o.id', 'm.org_id')
    .select(['o.id', 'o.name', 'o.slug', 'o.created_by', 'o.settings', 'm.role', 'm.lite'])
    .where('m.user_id', '=', userId)
    .orderBy('o.name')
    .execute();
  return rows.map(({ created_by, settings, ...org }) => ({
    ...org,
    isCreator: created_by === userId,
    settings: OrgSettingsSchema.parse(settings),
  }));
}
