import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { adminRoom, memberRoom } from './rooms.ts';

/**
 * The org rooms a person's sockets belong in: every active org they are a member of and may open
 * (not locked out by the org's two-factor requirement), and the admin room where they are ADMIN.
 */
export async function allowedOrgRooms(db: Db, userId: string): Promise<Set<string>> {
  return (await allowedOrgRoomsOf(db, [userId])).get(userId) ?? new Set();
}

/** `allowedOrgRooms` of many people in one read (sockets connecting together). */
export async function allowedOrgRoomsOf(db: Db, userIds: string[]): Promise<Map<string, Set<string>>> {
  const memberships = await db
    .selectFrom('org_members as m')
    .innerJoin('organizations as o', 'o.id', 'm.org_id')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select([
      'm.user_id',
      'm.org_id',
      'm.role',
      sql<boolean>`coalesce((o.settings ->> 'requireTwoFactor') = 'true' and not u.two_factor_enabled, false)`.as(
        'locked',
      ),
    ])
    .where('m.user_id', 'in', userIds)
    .where('o.status', '=', 'active')
    .execute();
  const allowed = new Map(userIds.map((id) => [id, new Set<string>()]));
  for (const m of memberships) {
    if (m.locked) continue;
    allowed.get(m.user_id)!.add(memberRoom(m.org_id));
    if (m.role === 'ADMIN') allowed.get(m.user_id)!.add(adminRoom(m.org_id));
  }
  return allowed;
}

/** Each org's head seq, for heartbeats: a client behind it missed a broadcast and syncs. */
export async function orgHeads(db: Db, orgIds: string[]): Promise<{ orgId: string; headSeq: number }[]> {
  if (orgIds.length === 0) return [];
  const heads = await db.selectFrom('organizations').select(['id', 'event_seq']).where('id', 'in', orgIds).execute();
  return heads.map((head) => ({ orgId: head.id, headSeq: Number(head.event_seq) }));
}
