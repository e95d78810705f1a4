import type { Server } from 'socket.io';
import { socketEvents } from '@roster/contracts';
import type { Publisher } from './publisher.ts';
import { adminRoom, userRoom } from './rooms.ts';

/** Publishes committed changes over Socket.IO; through the Redis adapter when there is one. */
export function ioPublisher(io: Server): Publisher {
  return {
    publishOrgEvents(events) {
      for (const event of events) io.to(adminRoom(event.orgId)).emit(socketEvents.event, event);
    },
    publishPersonal(userId, event) {
      io.to(userRoom(userId)).emit(socketEvents.event, event);
    },
    setAdminAccess(orgId, userId, isAdmin) {
      const sockets = io.in(userRoom(userId));
      if (isAdmin) sockets.socketsJoin(adminRoom(orgId));
      else sockets.socketsLeave(adminRoom(orgId));
    },
  };
}
