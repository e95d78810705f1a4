import type { Server } from 'socket.io';
import { socketEvents } from '@roster/contracts';
import type { Db } from '../db/connect.ts';
import type { Logger } from '../lib/logger.ts';
import { orgHeads } from './org-rooms.ts';
import { adminRoom, adminRoomPattern } from './rooms.ts';

/**
 * Every interval, tells this node's admin sockets their org's head seq. A client that missed a
 * broadcast (a broker outage drops them) sees the head ahead of what it has and syncs.
 */
export function startHeartbeat(io: Server, db: Db, logger: Logger, intervalMs: number): () => void {
  const timer = setInterval(() => {
    void beat(io, db).catch((error) => logger.warn('heartbeat failed', { error: String(error) }));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

async function beat(io: Server, db: Db) {
  const orgIds = [...io.of('/').adapter.rooms.keys()]
    .map((room) => adminRoomPattern.exec(room)?.[1])
    .filter((id): id is string => id !== undefined);
  for (const head of await orgHeads(db, orgIds)) io.local.to(adminRoom(head.orgId)).emit(socketEvents.heartbeat, head);
}
