import { ws } from 'msw';
import { toSocketIo } from '@mswjs/socket.io-binding';
import { socketEvents } from '@roster/contracts';
import { userFromHeaders, type Auth, type SessionUser } from '../../../../server/src/auth/auth.ts';
import type { LiveSide } from '../../../../server/src/compose-app.ts';
import type { Db } from '../../../../server/src/db/connect.ts';
import type { Logger } from '../../../../server/src/lib/logger.ts';
import { ioPublisher, type RoomServer } from '../../../../server/src/realtime/io-publisher.ts';
import { allowedOrgRooms, orgHeads } from '../../../../server/src/realtime/org-rooms.ts';
import { adminRoomPattern, sessionRoom, userRoom } from '../../../../server/src/realtime/rooms.ts';
import { answerSync } from '../../../../server/src/realtime/sync.ts';
import { ackPacket, parseEventWithAck, PING_PACKET } from './socket-packets.ts';
import type { CookieJar } from './cookie-jar.ts';

type Connection = Parameters<Parameters<ReturnType<typeof ws.link>['addEventListener']>[1]>[0];

interface BridgedSocket {
  connection: Connection;
  emit(event: string, payload: unknown): void;
  user: SessionUser;
  rooms: Set<string>;
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
 * in which room, the sync answer and the heartbeat's head seq come from the server's code too.
 */
export function liveBridge({ jar, logger }: { jar: CookieJar; logger: Logger }) {
  const sockets = new Set<BridgedSocket>();
  const faults: BridgeFaults = { dropEveryNth: null };
  let orgEvents = 0;
  let parts: { db: Db; auth: Auth } | undefined;
  const inRooms = (rooms: string | string[]) => {
    const wanted = typeof rooms === 'string' ? [rooms] : rooms;
    return [...sockets].filter((s) => wanted.some((room) => s.rooms.has(room)));
  };
  const rooms: RoomServer = {
    to: (room) => ({
      emit(event, payload) {
        const isOrgEvent = adminRoomPattern.test(room) && event === socketEvents.event;
        if (isOrgEvent && faults.dropEveryNth !== null && ++orgEvents % faults.dropEveryNth === 0) return;
        inRooms(room).forEach((s) => s.emit(event, payload));
      },
    }),
    in: (room) => ({
      socketsJoin: (name) => inRooms(room).forEach((s) => s.rooms.add(name)),
      socketsLeave: (name) => inRooms(room).forEach((s) => s.rooms.delete(name)),
      disconnectSockets: () => inRooms(room).forEach((s) => s.connection.client.close()),
    }),
  };
  const live = (given: { db: Db; auth: Auth }): LiveSide => {
    parts = given;
    return { publisher: ioPublisher(rooms), onSessionsRevoked: closeRevoked };
  };

  async function closeRevoked(userId: string) {
    const mine = inRooms(userRoom(userId));
    if (mine.length === 0 || !parts) return;
    const alive = await parts.db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', userId)
      .where('expires_at', '>', new Date())
      .execute();
    const ids = new Set(alive.map((s) => s.id));
    mine.filter((s) => !ids.has(s.user.sessionId)).forEach((s) => s.connection.client.close());
  }

  async function onConnection(connection: Connection) {
    // MSW strips `/socket.io/` before matching, so Vite's HMR socket looks alike: let it through.
    if (!connection.client.url.pathname.startsWith('/socket.io/')) return connection.server.connect();
    const { db, auth } = parts!;
    // Like the server's handshake: no session, no socket.
    const user = await userFromHeaders(auth, new Headers({ cookie: jar.header() }));
    if (!user) return connection.client.close(4001, 'UNAUTHENTICATED');
    const io = toSocketIo(connection);
    const socket: BridgedSocket = {
      connection,
      user,
      emit: (event, payload) => io.client.emit(event, payload),
      rooms: new Set([userRoom(user.id), sessionRoom(user.sessionId)]),
    };
    sockets.add(socket);
    // Answered once the socket sits in its rooms, as on the server: later events then reach it.
    const placed = allowedOrgRooms(db, user.id).then((allowed) => allowed.forEach((r) => socket.rooms.add(r)));
    connection.client.addEventListener('message', (event) => {
      const packet = parseEventWithAck(event.data);
      if (packet?.name !== socketEvents.sync) return;
      void placed
        .then(() => answerSync(db, logger, user, packet.args[0]))
        .then((ack) => connection.client.send(ackPacket(packet.id, ack)));
    });
    const ping = setInterval(() => connection.client.send(PING_PACKET), PING_MS);
    const heartbeat = setInterval(() => void beat(socket), HEARTBEAT_MS);
    connection.client.addEventListener('close', () => {
      sockets.delete(socket);
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
    /** Drops every open socket, as a network blip would; the client reconnects and resyncs. */
    dropConnections: () => sockets.forEach((s) => s.connection.client.close()),
    handlers: [ws.link(/^wss?:\/\//).addEventListener('connection', (c) => void onConnection(c))],
  };
}
