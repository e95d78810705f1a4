import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { socketEvents, type OrgEvent, type SyncAck } from '@roster/contracts';
import type { SessionUser } from '../auth/auth.ts';
import type { SessionReader } from '../auth/session-reader.ts';
import type { Db } from '../db/connect.ts';
import type { Logger } from '../lib/logger.ts';
import { allowOrigin, authenticateSocket } from './handshake.ts';
import { defaultEventRateLimit, limitSocketEvents, type EventRateLimit } from './event-rate-limit.ts';
import { startHeartbeat } from './heartbeat.ts';
import { createLane, type Lane } from '../lib/lane.ts';
import { coalescedCatchUp, type CoalescedCatchUp } from '../modules/events/coalesced-catch-up.ts';
import { createEventTail, type EventTail } from '../modules/events/event-tail.ts';
import { ioPublisher, TAIL_EVENT } from './io-publisher.ts';
import { createBatcher } from '../lib/batcher.ts';
import { allowedOrgRoomsOf } from './org-rooms.ts';
import { answerSync } from './sync.ts';
import { adminRoomPattern, memberRoomPattern, sessionRoom, userRoom, workspaceOwnersRoomPattern } from './rooms.ts';
import type { Publisher } from './publisher.ts';
import { socketPresence, type SocketPresence } from './presence/socket-presence.ts';
import type { PresenceHub } from './presence/presence-hub.ts';

export interface RealtimeOptions {
  httpServer: HttpServer;
  db: Db;
  sessions: SessionReader;
  logger: Logger;
  isTrustedOrigin: (origin: string, host: string | undefined) => boolean;
  heartbeatMs?: number;
  /** Events one socket may send (defaults: a burst of 30, 10 a second). */
  eventRateLimit?: EventRateLimit;
  /** Database reads of socket setup and sync that may run at once (default 2): the rest wait, not the API. */
  socketReadWidth?: number;
  /** Presence changes within this window reach a page's viewers as one state (default 25 ms). */
  presenceFlushMs?: number;
}

/** The largest message a client may send: a sync request is a few dozen bytes. */
export const MAX_SOCKET_MESSAGE_BYTES = 16 * 1024;

export interface Realtime {
  io: Server;
  publisher: Publisher;
  /** The newest events of each org, which serve most syncs without a database read. */
  tail: EventTail;
  /** Who is on which admin page. */
  presence: PresenceHub;
  /** Processes share rooms (the Redis adapter): tell the others' tails and presence what this one has. */
  shareAcrossProcesses(): void;
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
  const lane = createLane(options.socketReadWidth ?? 2);
  const tail = createEventTail();
  const sync = coalescedCatchUp(options.db, tail, lane);
  const placement = socketPlacement(options.db, lane);
  const presence = socketPresence(io, { flushMs: options.presenceFlushMs });
  let shared = false;
  // Another process's published events, so this tail stays whole on any process.
  io.on(TAIL_EVENT, (events: OrgEvent[]) => tail.record(events));
  io.use(authenticateSocket(options.sessions));
  io.on('connection', (socket) => {
    void onConnection(options, placement, sync, presence, socket).catch((error) => {
      options.logger.warn('socket setup failed', { error: String(error) });
      socket.disconnect(true);
    });
  });
  const stopHeartbeat = startHeartbeat(io, options.db, options.logger, options.heartbeatMs ?? 15_000);
  return {
    io,
    publisher: ioPublisher(io, {
      record(events) {
        tail.record(events);
        if (shared) io.serverSideEmit(TAIL_EVENT, events);
      },
    }),
    tail,
    presence: presence.hub,
    shareAcrossProcesses() {
      shared = true;
      presence.share();
    },
    async close() {
      stopHeartbeat();
      presence.hub.close();
      await io.close();
    },
  };
}

async function onConnection(
  options: RealtimeOptions,
  placement: SocketPlacement,
  sync: CoalescedCatchUp,
  presence: SocketPresence,
  socket: Socket,
) {
  const user = (socket.data as { user: SessionUser }).user;
  limitSocketEvents(socket, options.eventRateLimit ?? defaultEventRateLimit, options.logger);
  const placed = (async () => {
    await socket.join([userRoom(user.id), sessionRoom(user.sessionId)]);
    // A session revoked between the handshake and the join above was closed before this socket
    // sat in its room: look once more, now that any later revocation will reach it.
    if (!(await placement.sessionAlive(user.sessionId))) return void socket.disconnect(true);
    await placeInOrgRooms(placement, socket, user.id);
  })();
  // Registered at once so an early sync is not dropped, but answered only once the socket sits
  // in its rooms: every event after the answer's head then reaches it live.
  socket.on(socketEvents.sync, (payload: unknown, ack?: (reply: SyncAck) => void) => {
    if (typeof ack !== 'function') return;
    void placed
      .then(() => answerSync(options.db, options.logger, user, payload, sync))
      .then(ack, () => ack({ error: { code: 'INTERNAL', message: 'Sync failed; try again' } }));
  });
  presence.attach(socket, placed);
  await placed;
}

type SocketPlacement = ReturnType<typeof socketPlacement>;

/** What placing a socket reads, batched across the sockets connecting together (a reconnect storm). */
function socketPlacement(db: Db, lane: Lane) {
  return {
    sessionAlive: createBatcher(
      lane,
      async (ids: string[]) => {
        const rows = await db
          .selectFrom('sessions')
          .select('id')
          .where('id', 'in', ids)
          .where('expires_at', '>', new Date())
          .execute();
        return new Map(rows.map((row) => [row.id, true]));
      },
      false,
    ),
    allowedOrgRooms: createBatcher(lane, (userIds: string[]) => allowedOrgRoomsOf(db, userIds), new Set<string>()),
  };
}

/** Rooms are decided from the database on every (re)connection, never restored from before. */
async function placeInOrgRooms(placement: SocketPlacement, socket: Socket, userId: string) {
  const allowed = await placement.allowedOrgRooms(userId);
  for (const room of socket.rooms) {
    const orgRoom =
      adminRoomPattern.test(room) || memberRoomPattern.test(room) || workspaceOwnersRoomPattern.test(room);
    if (orgRoom && !allowed.has(room)) await socket.leave(room);
  }
  await socket.join([...allowed]);
}
