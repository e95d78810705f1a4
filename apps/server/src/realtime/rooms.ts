/** Room names: one per org's admins, one per org's members, one per person (all their tabs). */
export const adminRoom = (orgId: string) => `org:${orgId}:admins`;
export const userRoom = (userId: string) => `user:${userId}`;
export const adminRoomPattern = /^org:(.+):admins$/;
export const memberRoom = (orgId: string) => `org:${orgId}:members`;
export const memberRoomPattern = /^org:(.+):members$/;
/** Every socket of one sign-in session: revoking the session closes exactly these. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
/** The owners of one workspace who are not org admins get its changes here (admins have them all). */
export const workspaceOwnersRoom = (orgId: string, workspaceId: string) =>
  `org:${orgId}:workspace:${workspaceId}:owners`;
export const workspaceOwnersRoomPattern = /^org:(.+):workspace:(.+):owners$/;
