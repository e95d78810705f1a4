import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { socketEvents, type SyncAck } from '@roster/contracts';
import type { Auth, SessionUser } from '../auth/auth.ts';
import type { Db } from '../db/connect.ts';
import type { Logger } from '../lib/logger.ts';
import { allowOrigin, authenticateSocket } from './handshake.ts';
import { defaultEventRateLimit, limitSocketEvents, type EventRateLimit } from './event-rate-limit.ts';
import { startHeartbeat } from './heartbeat.ts';
import { ioPublisher } from './io-publisher.ts';
import { allowedOrgRooms } from './org-rooms.ts';
import { answerSync } from './sync.ts';
import { adminRoomPattern, memberRoomPattern, sessionRoom, userRoom } from './rooms.ts';
import type { Publisher } from './publisher.ts';

export interface RealtimeOptions {
  httpServer: HttpServer;
  db: Db;
  auth: Auth;
  logger: Logger;
  isTrustedOrigin: (origin: string, host: string | undefined) => boolean;
  heartbeatMs?: number;
  /** Events one socket may send (defaults: a burst of 30, 10 a second). */
  eventRateLimit?: EventRateLimit;
}

/** The largest message a client may send: a sync request is a few dozen bytes. */
export const MAX_SOCKET_MESSAGE_BYTES = 16 * 1024;

export interface Realtime {
  io: Server;
  publisher: Publisher;
  close(): Promise<void>;
}

/** Socket.IO on the app's own HTTP server: authenticated sockets, rooms, sync and heartbeats. */
export function createRealtime(options: RealtimeOptions): Realtime {
  const io = new Server(options.httpServer, {
    allowRequest: allowOrigin(options.isTrustedOrigin),
    // No connection-state recovery: it replays a room's missed packets before any middleware
    // runs, to whoever held the room when the network dropped (ADR 0008). Every (re)connection
    // is a fresh socket, authenticated and placed from the database; roster:sync replays the rest.
    serveClient: false,
    // Anything bigger closes the connection before it is parsed (the default would take 1 MB).
    maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
  });
  io.use(authenticateSocket(options.auth));
  io.on('connection', (socket) => {
    void onConnection(options, socket).catch((error) => {
      options.logger.warn('socket setup failed', { error: String(error) });
      socket.disconnect(true);
    });
  });
  const stopHeartbeat = startHeartbeat(io, options.db, options.logger, options.heartbeatMs ?? 15_000);
  return {
    io,
    publisher: ioPublisher(io),
    async close() {
      stopHeartbeat();
      await io.close();
    },
  };
}

async function onConnection(options: RealtimeOptions, socket: Socket) {
  const user = (socket.data as { user: SessionUser }).user;
  limitSocketEvents(socket, options.eventRateLimit ?? defaultEventRateLimit, options.logger);
  const placed = (async () => {
    await socket.join([userRoom(user.id), sessionRoom(user.sessionId)]);
    // A session revoked between the handshake and the join above was closed before this socket
    // sat in its room: look once more, now that any later revocation will reach it.
    if (!(await sessionAlive(options.db, user.sessionId))) return void socket.disconnect(true);
    await placeInOrgRooms(options.db, socket, user.id);
  })();
  // Registered at once so an early sync is not dropped, but answered only once the socket sits
  // in its rooms: every event after the answer's head then reaches it live.
  socket.on(socketEvents.sync, (payload: unknown, ack?: (reply: SyncAck) => void) => {
    if (typeof ack !== 'function') return;
    void placed
      .then(() => answerSync(options.db, options.logger, user, payload))
      .then(ack, () => ack({ error: { code: 'INTERNAL', message: 'Sync failed; try again' } }));
  });
  await placed;
}

async function sessionAlive(db: Db, sessionId: string): Promise<boolean> {
  const row = await db
    .selectFrom('sessions')
    .select('id')
    .where('id', '=', sessionId)
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
  return row !== undefined;
}

/** Rooms are decided from the database on every (re)connection, never restored from before. */
async function placeInOrgRooms(db: Db, socket: Socket, userId: string) {
  const allowed = await allowedOrgRooms(db, userId);
  for (const room of socket.rooms) {
    const orgRoom = adminRoomPattern.test(room) || memberRoomPattern.test(room);
    if (orgRoom && !allowed.has(room)) await socket.leave(room);
  }
  await socket.join([...allowed]);
}
