import type { SessionsResponse } from '@roster/contracts';
import type { SessionUser } from '../../auth/auth.ts';
import { notFound } from '../../lib/domain-error.ts';
import type { MutationDeps } from '../../mutation/run-mutation.ts';
import { closeSessionSockets } from '../../realtime/session-sockets.ts';
import { describeDevice } from './device.ts';
import { activeSessions, deleteOtherSessions, deleteSession } from './sessions.repository.ts';

/** The devices the person is signed in on (`GET /api/me/sessions`). */
export async function listMySessions(deps: MutationDeps, user: SessionUser): Promise<SessionsResponse> {
  const rows = await activeSessions(deps.db, user.id, deps.clock.now());
  return {
    items: rows.map((row) => ({
      id: row.id,
      current: row.id === user.sessionId,
      device: describeDevice(row.user_agent),
      ip: row.ip_address || null,
      createdAt: new Date(row.created_at).toISOString(),
      lastActiveAt: new Date(row.updated_at).toISOString(),
    })),
  };
}

/**
 * Signs one of the person's devices out: its row goes (its next request is a 401) and, once
 * that is durable, its open tabs' sockets close. Another person's session id is simply unknown.
 */
export async function revokeSession(deps: MutationDeps, user: SessionUser, sessionId: string): Promise<void> {
  if (!(await deleteSession(deps.db, user.id, sessionId))) throw notFound('That session');
  closeSessionSockets(deps.publisher, [sessionId], deps.logger);
}

/** "Sign out everywhere else": every session but this one. */
export async function revokeOtherSessions(deps: MutationDeps, user: SessionUser): Promise<{ revoked: number }> {
  const revoked = await deleteOtherSessions(deps.db, user.id, user.sessionId);
  closeSessionSockets(deps.publisher, revoked, deps.logger);
  return { revoked: revoked.length };
}
