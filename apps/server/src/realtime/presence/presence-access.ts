import type { PresenceView } from '@roster/contracts';
import { adminRoom, adminRoomPattern, workspaceOwnersRoom, workspaceOwnersRoomPattern } from '../rooms.ts';

/**
 * Who may be present on a page, read from the rooms a socket sits in: they follow the person's
 * current role (joined and left as it changes), so no update needs a database read. Org pages are
 * for admins; a workspace's page also for that workspace's owners. Members see no presence.
 */
export function mayViewFromRooms(rooms: ReadonlySet<string>, orgId: string, view: PresenceView): boolean {
  if (rooms.has(adminRoom(orgId))) return true;
  if (!view.startsWith('workspace:')) return false;
  return rooms.has(workspaceOwnersRoom(orgId, view.slice('workspace:'.length)));
}

/** Rooms whose loss can end someone's presence on a page. */
export const isAccessRoom = (room: string) => adminRoomPattern.test(room) || workspaceOwnersRoomPattern.test(room);
