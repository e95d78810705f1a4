import type { Db } from '../db/connect.ts';
import { lockedOrgs } from '../modules/orgs/two-factor-requirement.ts';
import { adminRoom, memberRoom } from './rooms.ts';

/**
 * The org rooms a person's sockets belong in: every active org they are a member of and may open
 * (not locked out by the org's two-factor requirement), and the admin room where they are ADMIN.
 */
export async function allowedOrgRooms(db: Db, userId: string): Promise<Set<string>> {
  const memberships = await db
    .selectFrom('org_members as m')
    .innerJoin('organizations as o', 'o.id', 'm.org_id')
    .select(['m.org_id', 'm.role'])
    .where('m.user_id', '=', userId)
    .where('o.status', '=', 'active')
    .execute();
  const locked = await lockedOrgs(db, userId);
  const reachable = memberships.filter((m) => !locked.has(m.org_id));
  const allowed = new Set(reachable.map((m) => memberRoom(m.org_id)));
  for (const m of reachable) if (m.role === 'ADMIN') allowed.add(adminRoom(m.org_id));
  return allowed;
}

/** Each org's head seq, for heartbeats: a client behind it missed a broadcast and syncs. */
export async function orgHeads(db: Db, orgIds: string[]): Promise<{ orgId: string; headSeq: number }[]> {
  if (orgIds.length === 0) return [];
  const heads = await db.selectFrom('organizations').select(['id', 'event_seq']).where('id', 'in', orgIds).execute();
  return heads.map((head) => ({ orgId: head.id, headSeq: Number(head.event_seq) }));
}
