import { ws } from 'msw';
import { toSocketIo } from '@mswjs/socket.io-binding';
import { SyncRequestSchema, socketEvents, type SyncAck } from '@roster/contracts';
import { db, findOrg, onMockEvent, roleIn } from '../db.ts';
import { catchUp } from './events-handlers.ts';
import { ackPacket, parseEventWithAck, PING_PACKET } from './socket-packets.ts';

/**
 * MSW strips the `/socket.io/` prefix before matching, so Socket.IO and Vite's HMR socket look
 * alike to a link; the listener tells them apart by the original URL and lets HMR through.
 */
const anySocket = ws.link(/^wss?:\/\//);
const isSocketIo = (url: URL) => url.pathname.startsWith('/socket.io/');

type Connection = Parameters<Parameters<typeof anySocket.addEventListener<'connection'>>[1]>[0];

/** Each connected mock socket; the live feed counts them to know when to play. */
export const mockSockets = new Set<Connection>();

function sync(payload: unknown): SyncAck {
  const request = SyncRequestSchema.safeParse(payload);
  if (!request.success) return { error: { code: 'VALIDATION_FAILED', message: 'Send { orgId, since }' } };
  const org = findOrg(request.data.orgId);
  if (!org || roleIn(org, db.sessionUserId) !== 'ADMIN')
    return { error: { code: 'FORBIDDEN', message: 'Only admins can sync' } };
  return catchUp(org, request.data.since);
}

/** The server's live protocol over a mocked Socket.IO connection: events, heartbeats and sync. */
export const socketHandlers = [
  anySocket.addEventListener('connection', (connection) => {
    if (!isSocketIo(connection.client.url)) return connection.server.connect();
    // Like the server's handshake check: no session, no socket.
    if (!db.sessionUserId) return connection.client.close(4001, 'UNAUTHENTICATED');
    const io = toSocketIo(connection);
    mockSockets.add(connection);
    connection.client.addEventListener('message', (event) => {
      const packet = parseEventWithAck(event.data);
      if (packet?.name === socketEvents.sync) connection.client.send(ackPacket(packet.id, sync(packet.args[0])));
    });
    const stopEvents = onMockEvent((event, to) => {
      const deliver =
        event.seq === null ? to === db.sessionUserId : roleIn(findOrg(event.orgId)!, db.sessionUserId) === 'ADMIN';
      if (deliver) io.client.emit(socketEvents.event, event);
    });
    const ping = setInterval(() => connection.client.send(PING_PACKET), 20_000);
    const heartbeat = setInterval(() => {
      for (const org of db.orgs) {
        if (roleIn(org, db.sessionUserId) === 'ADMIN')
          io.client.emit(socketEvents.heartbeat, { orgId: org.id, headSeq: org.seq });
      }
    }, 15_000);
    connection.client.addEventListener('close', () => {
      mockSockets.delete(connection);
      stopEvents();
      clearInterval(ping);
      clearInterval(heartbeat);
    });
  }),
];
