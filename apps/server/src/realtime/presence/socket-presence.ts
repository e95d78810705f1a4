import type { Server, Socket } from 'socket.io';
import { presenceEvents } from '@roster/contracts';
import type { SessionUser } from '../../auth/auth.ts';
import { createPresenceHub, type PresenceGossip, type PresenceHub } from './presence-hub.ts';
import { isAccessRoom, mayViewFromRooms } from './presence-access.ts';

/** What processes tell each other of presence (server-side emits, through the Redis adapter). */
export const PRESENCE_GOSSIP_EVENT = 'roster:presence';

export interface SocketPresence {
  hub: PresenceHub;
  /** Takes a new socket's updates once it sits in its rooms; forgets it when it closes. */
  attach(socket: Socket, placed: Promise<unknown>): void;
  /** Other processes share the rooms now: gossip with them. */
  share(): void;
}

/** Presence over Socket.IO: this process's sockets, and the others' through server-side emits. */
export function socketPresence(io: Server, options: { flushMs?: number } = {}): SocketPresence {
  const node = crypto.randomUUID();
  let shared = false;
  const hub = createPresenceHub({
    node,
    flushMs: options.flushMs,
    transport: {
      mayView(socketId, orgId, view) {
        const socket = io.of('/').sockets.get(socketId);
        return socket !== undefined && mayViewFromRooms(socket.rooms, orgId, view);
      },
      send(socketIds, message) {
        io.local.to(socketIds).emit(message.event, message.payload);
      },
    },
    publish(message) {
      if (shared) io.serverSideEmit(PRESENCE_GOSSIP_EVENT, message);
    },
  });
  io.on(PRESENCE_GOSSIP_EVENT, (message: PresenceGossip) => hub.receive(message));
  // The adapter is swapped for Redis's after start: listen on whichever one holds the rooms.
  const watched = new WeakSet<object>();
  const watchRoomLeaves = () => {
    const adapter = io.of('/').adapter;
    if (watched.has(adapter)) return;
    watched.add(adapter);
    // A demoted admin's or former owner's socket leaves the room: their presence there ends at once.
    adapter.on('leave-room', (room: string, socketId: string) => {
      if (isAccessRoom(room)) hub.recheck(socketId);
    });
  };
  return {
    hub,
    attach(socket, placed) {
      watchRoomLeaves();
      const user = (socket.data as { user: SessionUser }).user;
      const who = { id: socket.id, userId: user.id, name: user.name };
      socket.on(presenceEvents.update, (payload: unknown) => {
        void placed.then(
          () => hub.update(who, payload),
          () => undefined,
        );
      });
      // Before the socket leaves its rooms, so the leave is a close (with its grace), not a demotion.
      socket.on('disconnecting', () => hub.disconnect(socket.id));
    },
    share() {
      shared = true;
      io.serverSideEmit(PRESENCE_GOSSIP_EVENT, { kind: 'hello', node } satisfies PresenceGossip);
    },
  };
}
