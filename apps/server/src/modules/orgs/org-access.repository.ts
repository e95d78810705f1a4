import { OrgSettingsSchema, type OrgRole, type OrgSettings } from '@roster/contracts';
import type { Db } from '../../db/connect.ts';

export interface OrgAccess {
  role: OrgRole;
  createdBy: string;
  settings: OrgSettings;
  eventSeq: number;
}

/** A person's role in an org with the org's settings and head seq; null when not a member. */
export async function readOrgAccess(db: Db, orgId: string, userId: string): Promise<OrgAccess | null> {
  const row = await db
    .selectFrom('organizations as o')
    .innerJoin('org_members as m', (join) => join.onRef('m.org_id', '=', 'o.id').on('m.user_id', '=', userId))
    .select(['m.role', 'o.created_by', 'o.settings', 'o.event_seq'])
    .where('o.id', '=', orgId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    role: row.role,
    createdBy: row.created_by,
    settings: OrgSettingsSchema.parse(row.settings),
    eventSeq: row.event_seq,
  };
}
