import type { Server } from 'socket.io';
import type { Db } from '../db/connect.ts';
import type { Logger } from '../lib/logger.ts';
import { userRoom } from '../realtime/rooms.ts';
import type { SessionUser } from './auth.ts';

/**
 * Disconnects a person's sockets whose session no longer exists (a reset or a password change
 * signed them out elsewhere), on every process: the tab then finds itself signed out at once.
 */
export async function closeRevokedSockets(io: Server, db: Db, logger: Logger, userId: string): Promise<void> {
  try {
    const sockets = await io.in(userRoom(userId)).fetchSockets();
    if (sockets.length === 0) return;
    const live = await db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', userId)
      .where('expires_at', '>', new Date())
      .execute();
    const liveIds = new Set(live.map((s) => s.id));
    for (const socket of sockets) {
      const sessionId = (socket.data as { user?: SessionUser }).user?.sessionId;
      if (!sessionId || !liveIds.has(sessionId)) socket.disconnect(true);
    }
  } catch (error) {
    // The next request of such a tab is refused anyway; the socket only stops early.
    logger.warn('could not close revoked sockets', { userId, error: String(error) });
  }
}
