import type { OrgRole } from '@roster/contracts';
import type { Db } from '../db/connect.ts';
import { sitsInOwnersRoom } from '../modules/workspaces/workspace-owner-rooms.ts';
import { adminRoom, memberRoom, workspaceOwnersRoom } from './rooms.ts';
import { twoFactorLocked } from '../modules/orgs/two-factor-sql.ts';

/**
 * The org rooms a person's sockets belong in: every active org they are a member of and may open
 * (not locked out by the org's two-factor requirement), the admin room where they are ADMIN, and
 * elsewhere the owners room of each workspace they own.
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
    .select(['m.user_id', 'm.org_id', 'm.role', twoFactorLocked.as('locked')])
    .where('m.user_id', 'in', userIds)
    .where('o.status', '=', 'active')
    .execute();
  const allowed = new Map(userIds.map((id) => [id, new Set<string>()]));
  // The org role of each membership the person may reach: only there may they hold an owners room.
  const reached = new Map<string, OrgRole>();
  for (const m of memberships) {
    if (m.locked) continue;
    allowed.get(m.user_id)!.add(memberRoom(m.org_id));
    if (m.role === 'ADMIN') allowed.get(m.user_id)!.add(adminRoom(m.org_id));
    reached.set(`${m.user_id}:${m.org_id}`, m.role);
  }
  if (![...reached.values()].some((role) => role !== 'ADMIN')) return allowed;
  const owned = await db
    .selectFrom('org_members as m')
    .innerJoin('workspace_members as w', (join) =>
      join.onRef('w.org_id', '=', 'm.org_id').onRef('w.user_id', '=', 'm.user_id'),
    )
    .select(['w.user_id', 'w.org_id', 'w.workspace_id', 'w.role'])
    .where('m.user_id', 'in', userIds)
    .where('m.role', '!=', 'ADMIN')
    .where('w.role', '=', 'OWNER')
    .execute();
  for (const w of owned) {
    const orgRole = reached.get(`${w.user_id}:${w.org_id}`) ?? null;
    if (sitsInOwnersRoom(orgRole, w.role)) allowed.get(w.user_id)!.add(workspaceOwnersRoom(w.org_id, w.workspace_id));
  }
  return allowed;
}

/** Each org's head seq, for heartbeats: a client behind it missed a broadcast and syncs. */
export async function orgHeads(db: Db, orgIds: string[]): Promise<{ orgId: string; headSeq: number }[]> {
  if (orgIds.length === 0) return [];
  const heads = await db.selectFrom('organizations').select(['id', 'event_seq']).where('id', 'in', orgIds).execute();
  return heads.map((head) => ({ orgId: head.id, headSeq: Number(head.event_seq) }));
}
