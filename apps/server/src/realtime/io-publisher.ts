import type { Server } from 'socket.io';
import { socketEvents, type OrgEvent } from '@roster/contracts';
import type { Publisher } from './publisher.ts';
import { adminRoom, memberRoom, sessionRoom, userRoom, workspaceOwnersRoom } from './rooms.ts';
import { workspaceOwnersNews } from './workspace-owners-news.ts';

/**
 * The part of a Socket.IO server the publisher uses. Mock mode's bridge in the tab implements it
 * over its mocked sockets, so both deliver through this one publisher.
 */
export interface RoomServer {
  to(room: string): { emit(event: string, payload: unknown): unknown };
  in(room: string | string[]): {
    socketsJoin(room: string): void;
    socketsLeave(room: string): void;
    disconnectSockets(close?: boolean): void;
  };
}

/** What other processes are told of each published batch of org events, for their event tails. */
export const TAIL_EVENT = 'roster:tail';

/** Where published org events are kept besides the rooms (the event tail). */
export interface PublishedEvents {
  record(events: OrgEvent[]): void;
}

/** Publishes committed changes over Socket.IO; through the Redis adapter when there is one. */
export function ioPublisher(io: Server | RoomServer, published?: PublishedEvents): Publisher {
  return {
    publishOrgEvents(events) {
      for (const event of events) {
        io.to(adminRoom(event.orgId)).emit(socketEvents.event, event);
        for (const news of workspaceOwnersNews(event)) {
          const owners = workspaceOwnersRoom(event.orgId, news.data.workspaceId);
          io.to(owners).emit(socketEvents.event, news);
          // The owners hear of the deletion first; then nobody is an owner of it any more.
          if (event.type === 'workspace.deleted') io.in(owners).socketsLeave(owners);
        }
      }
      published?.record(events);
    },
    publishPersonal(userId, event) {
      io.to(userRoom(userId)).emit(socketEvents.event, event);
    },
    publishToMembers(orgId, event) {
      io.to(memberRoom(orgId)).emit(socketEvents.event, event);
    },
    setAccess(orgId, userId, role) {
      const sockets = io.in(userRoom(userId));
      if (role === 'ADMIN') sockets.socketsJoin(adminRoom(orgId));
      else sockets.socketsLeave(adminRoom(orgId));
      if (role !== null) sockets.socketsJoin(memberRoom(orgId));
      else sockets.socketsLeave(memberRoom(orgId));
    },
    setWorkspaceAccess(orgId, workspaceId, userId, isOwner) {
      const sockets = io.in(userRoom(userId));
      if (isOwner) sockets.socketsJoin(workspaceOwnersRoom(orgId, workspaceId));
      else sockets.socketsLeave(workspaceOwnersRoom(orgId, workspaceId));
    },
    disconnectSessions(sessionIds) {
      // Through the adapter, so a socket held by another process closes too.
      if (sessionIds.length) io.in(sessionIds.map(sessionRoom)).disconnectSockets(true);
    },
    disconnectUser(userId) {
      io.in(userRoom(userId)).disconnectSockets(true);
    },
  };
}
