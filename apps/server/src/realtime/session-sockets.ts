import type { Logger } from '../lib/logger.ts';
import type { Publisher } from './publisher.ts';

/**
 * Closes the live connections of revoked sessions. Call it after the sessions' rows are gone
 * (sign-out, "sign out other devices", a password reset): a socket reconnecting then finds no
 * session and is refused. A failed publish must not fail the request that revoked them.
 */
export function closeSessionSockets(publisher: Publisher, sessionIds: readonly string[], logger?: Logger): void {
  try {
    publisher.disconnectSessions(sessionIds);
  } catch (error) {
    logger?.error('could not close sockets of revoked sessions', { error: String(error) });
  }
}

/** Closes every live connection of one person (their account was deleted). */
export function closeUserSockets(publisher: Publisher, userId: string, logger?: Logger): void {
  try {
    publisher.disconnectUser(userId);
  } catch (error) {
    logger?.error('could not close the sockets of a deleted account', { error: String(error) });
  }
}
