import type { z } from 'zod';
import {
  HeartbeatSchema,
  PresenceChangesSchema,
  PresenceStateSchema,
  PresenceUpdateSchema,
  RosterEventSchema,
  SyncAckSchema,
  SyncRequestSchema,
  SYNC_WINDOW,
  presenceEvents,
  socketEvents,
} from '@roster/contracts';

/** Who sends a message: the server to a tab, or a tab to the server. */
export type LiveDirection = 'toClient' | 'toServer';

/**
 * One Socket.IO event of the live protocol as the reference tells it. Payloads are the contracts'
 * schemas the server and the SPA parse with, so the reference cannot drift from either side.
 */
export interface LiveMessage {
  /** The Socket.IO event name, from the contracts' event maps. */
  event: string;
  direction: LiveDirection;
  summary: string;
  description: string;
  payload: z.ZodType;
  /** The acknowledgement the server calls back with, when the event asks for one. */
  reply?: z.ZodType;
}

/** Every event of the live protocol; a test fails when the contracts name one this leaves out. */
export const liveMessages: readonly LiveMessage[] = [
  {
    event: socketEvents.event,
    direction: 'toClient',
    summary: 'A change that committed, or news for you',
    description:
      "Org events (`seq` set) reach the org's admins in `seq` order. Personal events (`seq: null`: `access.changed`, `invitation.received`, `invitation.withdrawn`, `invite_request.decided`) reach your own tabs, and `settings.changed` every member. A workspace's owners who are not admins get `workspace.changed` (no member data) when its members, name or existence change: refetch the workspace. Nothing replays the events without a `seq`: refetch on reconnect.",
    payload: RosterEventSchema,
  },
  {
    event: socketEvents.heartbeat,
    direction: 'toClient',
    summary: 'The newest seq of each of your orgs, every 15 s',
    description: 'When it is ahead of the last event you applied, you missed one: sync.',
    payload: HeartbeatSchema,
  },
  {
    event: socketEvents.sync,
    direction: 'toServer',
    summary: "Catch up on an org's events after `since`",
    description: `Send it on every (re)connect, on a gap in \`seq\` and when a heartbeat is ahead. The answer holds the missed events in order, or \`{ reset: true }\` past ${SYNC_WINDOW} events: refetch the pages. Answered once the socket sits in its rooms, so every later event reaches it live.`,
    payload: SyncRequestSchema,
    reply: SyncAckSchema,
  },
  {
    event: presenceEvents.update,
    direction: 'toServer',
    summary: 'The admin page this tab shows and what it is about to change',
    description:
      'Send it on page and focus changes and after every (re)connect. More than 10 a second per socket are held back (the last one wins). An update for a page you may not open (org pages: admins; a workspace page: admins and its owners) is ignored and takes you off every page.',
    payload: PresenceUpdateSchema,
  },
  {
    event: presenceEvents.state,
    direction: 'toClient',
    summary: 'Who is on the page you arrived on',
    description: 'Everyone on the page, you included; a person with several tabs counts once.',
    payload: PresenceStateSchema,
  },
  {
    event: presenceEvents.changes,
    direction: 'toClient',
    summary: 'Who arrived, changed or left the page you are on',
    description:
      'Within 100 ms of a change: the people who arrived or changed, and the ids of those who left. Someone whose last tab closed leaves within 5 s (ADR 0029).',
    payload: PresenceChangesSchema,
  },
];
