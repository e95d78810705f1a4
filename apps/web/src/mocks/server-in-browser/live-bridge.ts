import { ws } from 'msw';
import { toSocketIo } from '@mswjs/socket.io-binding';
import { presenceEvents, socketEvents } from '@roster/contracts';
import type { SessionUser } from '../../../../server/src/auth/auth.ts';
import type { SessionReader } from '../../../../server/src/auth/session-reader.ts';
import type { LiveSide } from '../../../../server/src/compose-app.ts';
import type { Db } from '../../../../server/src/db/connect.ts';
import type { Logger } from '../../../../server/src/lib/logger.ts';
import { ioPublisher, type RoomServer } from '../../../../server/src/realtime/io-publisher.ts';
import { allowedOrgRooms, orgHeads } from '../../../../server/src/realtime/org-rooms.ts';
import { adminRoomPattern, sessionRoom, userRoom } from '../../../../server/src/realtime/rooms.ts';
import { answerSync } from '../../../../server/src/realtime/sync.ts';
import { isAccessRoom, mayViewFromRooms } from '../../../../server/src/realtime/presence/presence-access.ts';
import { createPresenceHub, type PresenceHub } from '../../../../server/src/realtime/presence/presence-hub.ts';
import { ackPacket, parseEvent, PING_PACKET } from './socket-packets.ts';
import type { CookieJar } from './cookie-jar.ts';

type Connection = Parameters<Parameters<ReturnType<typeof ws.link>['addEventListener']>[1]>[0];

/** One socket in the bridge's rooms: the tab's own, or a scenario's visitor. */
interface RoomMember {
  id: string;
  rooms: Set<string>;
  emit(event: string, payload: unknown): void;
  close(): void;
}

interface BridgedSocket extends RoomMember {
  connection: Connection;
  user: SessionUser;
}

/**
 * Presence in the tab: the server's own hub over the bridge's rooms. A scenario's people are
 * present through visitors, sockets without a tab that sit in the rooms the server's access read
 * gives them, so the hub's rule (admins only, a demotion ends it) holds for them too.
 */
export interface BridgePresence {
  hub: PresenceHub;
  /** Places a visitor with this socket id in the rooms `userId` is allowed now. */
  visit(socketId: string, userId: string): Promise<void>;
  /** The visitor's socket closes (they leave after the hub's grace). */
  leave(socketId: string): void;
}

/** Faults a scenario injects between the server and the tab, so the client's own recovery runs. */
export interface BridgeFaults {
  /** Every nth org event is not delivered (the client sees a gap and syncs); null: none lost. */
  dropEveryNth: number | null;
}

const HEARTBEAT_MS = 15_000;
// Without an Engine.IO ping every 25 s (+5 s grace) the client drops the connection.
const PING_MS = 20_000;

/**
 * The server's live side for mock mode: Socket.IO's rooms, in small, over MSW's mocked
 * connection. Delivery is the server's own publisher (`ioPublisher`) over these rooms; who sits
 * in which room, the sync answer, the heartbeat's head seq and presence (its hub) come from the
 * server's code too.
 */
export function liveBridge({ jar, logger }: { jar: CookieJar; logger: Logger }) {
  const sockets = new Map<string, BridgedSocket>();
  const visitors = new Map<string, RoomMember>();
  const faults: BridgeFaults = { dropEveryNth: null };
  let orgEvents = 0;
  let parts: { db: Db; sessions: SessionReader } | undefined;
  const member = (id: string) => sockets.get(id) ?? visitors.get(id);
  const inRooms = <T extends RoomMember>(rooms: string | string[], among: Iterable<T>) => {
    const wanted = typeof rooms === 'string' ? [rooms] : rooms;
    return [...among].filter((s) => wanted.some((room) => s.rooms.has(room)));
  };
  const anyInRooms = (rooms: string | string[]) => inRooms(rooms, [...sockets.values(), ...visitors.values()]);
  const hub = createPresenceHub({
    transport: {
      mayView(socketId, orgId, view) {
        const socket = member(socketId);
        return socket !== undefined && mayViewFromRooms(socket.rooms, orgId, view);
      },
      send: (socketIds, { event, payload }) => socketIds.forEach((id) => member(id)?.emit(event, payload)),
    },
  });
  const presence: BridgePresence = {
    hub,
    async visit(socketId, userId) {
      const allowed = await allowedOrgRooms(parts!.db, userId);
      const close = () => presence.leave(socketId);
      visitors.set(socketId, { id: socketId, rooms: new Set([userRoom(userId), ...allowed]), emit: () => {}, close });
    },
    leave(socketId) {
      if (visitors.delete(socketId)) hub.disconnect(socketId);
    },
  };
  const rooms: RoomServer = {
    to: (room) => ({
      emit(event, payload) {
        const isOrgEvent = adminRoomPattern.test(room) && event === socketEvents.event;
        if (isOrgEvent && faults.dropEveryNth !== null && ++orgEvents % faults.dropEveryNth === 0) return;
        anyInRooms(room).forEach((s) => s.emit(event, payload));
      },
    }),
    in: (room) => ({
      socketsJoin: (name) => anyInRooms(room).forEach((s) => s.rooms.add(name)),
      socketsLeave: (name) =>
        anyInRooms(room).forEach((s) => {
          s.rooms.delete(name);
          // A demoted admin's presence ends at once, as on the server.
          if (isAccessRoom(name)) hub.recheck(s.id);
        }),
      disconnectSockets: () => anyInRooms(room).forEach((s) => s.close()),
    }),
  };
  const live = (given: { db: Db; sessions: SessionReader }): LiveSide => {
    parts = given;
    return { publisher: ioPublisher(rooms), onSessionsRevoked: closeRevoked };
  };

  async function closeRevoked(userId: string) {
    const mine = inRooms(userRoom(userId), sockets.values());
    if (mine.length === 0 || !parts) return;
    const alive = await parts.db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', userId)
      .where('expires_at', '>', new Date())
      .execute();
    const ids = new Set(alive.map((s) => s.id));
    mine.filter((s) => !ids.has(s.user.sessionId)).forEach((s) => s.close());
  }

  async function onConnection(connection: Connection) {
    // MSW strips `/socket.io/` before matching, so Vite's HMR socket looks alike: let it through.
    if (!connection.client.url.pathname.startsWith('/socket.io/')) return connection.server.connect();
    const { db, sessions } = parts!;
    // Like the server's handshake: no session, no socket.
    const user = await sessions.userFrom(new Headers({ cookie: jar.header() }));
    if (!user) return connection.client.close(4001, 'UNAUTHENTICATED');
    const io = toSocketIo(connection);
    const socket: BridgedSocket = {
      id: crypto.randomUUID(),
      connection,
      user,
      emit: (event, payload) => io.client.emit(event, payload),
      close: () => connection.client.close(),
      rooms: new Set([userRoom(user.id), sessionRoom(user.sessionId)]),
    };
    sockets.set(socket.id, socket);
    // Answered once the socket sits in its rooms, as on the server: later events then reach it.
    const placed = allowedOrgRooms(db, user.id).then((allowed) => allowed.forEach((r) => socket.rooms.add(r)));
    const who = { id: socket.id, userId: user.id, name: user.name };
    connection.client.addEventListener('message', (event) => {
      const packet = parseEvent(event.data);
      if (packet?.name === presenceEvents.update) void placed.then(() => hub.update(who, packet.args[0]));
      if (packet?.name !== socketEvents.sync || packet.ackId === null) return;
      const ackId = packet.ackId;
      void placed
        .then(() => answerSync(db, logger, user, packet.args[0]))
        .then((ack) => connection.client.send(ackPacket(ackId, ack)));
    });
    const ping = setInterval(() => connection.client.send(PING_PACKET), PING_MS);
    const heartbeat = setInterval(() => void beat(socket), HEARTBEAT_MS);
    connection.client.addEventListener('close', () => {
      hub.disconnect(socket.id);
      sockets.delete(socket.id);
      clearInterval(ping);
      clearInterval(heartbeat);
    });
  }

  async function beat(socket: BridgedSocket) {
    const orgIds = [...socket.rooms].map((room) => adminRoomPattern.exec(room)?.[1]).filter((id) => id !== undefined);
    for (const head of await orgHeads(parts!.db, orgIds)) socket.emit(socketEvents.heartbeat, head);
  }

  return {
    live,
    faults,
    presence,
    /** Drops every open socket, as a network blip would; the client reconnects and resyncs. */
    dropConnections: () => sockets.forEach((s) => s.close()),
    handlers: [ws.link(/^wss?:\/\//).addEventListener('connection', (c) => void onConnection(c))],
  };
}
