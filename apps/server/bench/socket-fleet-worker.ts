import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { io as connect, type Socket } from 'socket.io-client';
import type { SyncAck } from '@roster/contracts';
import {
  join,
  present,
  traffic,
  type JoinCommand,
  type PresentCommand,
  type TrafficCommand,
} from './presence-clients.ts';

/**
 * The bench's websocket clients, on a thread of their own: reading 1000 sockets' frames on the
 * server's event loop would delay the server's own work (its HTTP responses among it) and be
 * counted as the server's. Times are absolute (timeOrigin + now), comparable across threads.
 */
export interface OpenCommand {
  url: string;
  /** A signed-in cookie; without it the sockets connect bare (the fan-out floor's server). */
  cookie?: string;
  /** One cookie per socket, in turn (sockets of different people), instead of `cookie`. */
  cookies?: string[];
  /** With an org, each socket syncs from `since` and the command answers the head seq. */
  orgId?: string;
  since?: number;
  count: number;
}

export type Command =
  | { id: number; type: 'open'; open: OpenCommand }
  | { id: number; type: 'arm' }
  | { id: number; type: 'wait' }
  | { id: number; type: 'disconnect' }
  | { id: number; type: 'storm'; open: OpenCommand }
  | { id: number; type: 'change'; request: ChangeRequest }
  | { id: number; type: 'present'; present: PresentCommand }
  | { id: number; type: 'join'; open: OpenCommand; join: JoinCommand }
  | { id: number; type: 'traffic'; traffic: TrafficCommand };

/** An HTTP request sent from this thread, so its response is read as an outside caller would. */
export interface ChangeRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
}

const now = () => performance.timeOrigin + performance.now();
let sockets: Socket[] = [];
let arrivals: Promise<unknown[]> | undefined;

function openSocket(command: OpenCommand, index = 0): Socket {
  const cookie = command.cookies ? command.cookies[index % command.cookies.length] : command.cookie;
  return connect(command.url, {
    transports: ['websocket'],
    extraHeaders: cookie ? { cookie, origin: command.url } : {},
    forceNew: true,
    reconnection: false,
  });
}

async function ready(socket: Socket, command: OpenCommand): Promise<number> {
  if (!command.orgId) {
    if (!socket.connected) await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    return 0;
  }
  const ack = (await socket
    .timeout(120_000)
    .emitWithAck('roster:sync', { orgId: command.orgId, since: command.since ?? 0 })) as SyncAck;
  if ('error' in ack) throw new Error(`sync failed: ${ack.error.code}`);
  return ack.headSeq;
}

async function handle(command: Command): Promise<unknown> {
  switch (command.type) {
    case 'open': {
      // A hundred at a time: a thousand handshakes at once is the storm, measured on its own.
      let head = 0;
      for (let i = 0; i < command.open.count; i += 100) {
        const batch = Array.from({ length: Math.min(100, command.open.count - i) }, (_, j) =>
          openSocket(command.open, i + j),
        );
        head = Math.max(head, ...(await Promise.all(batch.map((s) => ready(s, command.open)))));
        sockets.push(...batch);
      }
      return { head };
    }
    case 'arm':
      arrivals = Promise.all(sockets.map((s) => new Promise((resolve) => s.once('roster:event', resolve))));
      return null;
    case 'wait': {
      const events = await arrivals!;
      return { at: now(), event: events[0] };
    }
    case 'change': {
      // Listening before sending; the caller's wait and the last socket's, from the same send.
      const events = Promise.all(sockets.map((s) => new Promise((resolve) => s.once('roster:event', resolve))));
      const { url, ...init } = command.request;
      const sent = now();
      const response = await fetch(url, init);
      const body = await response.text();
      const answered = now();
      if (!response.ok) throw new Error(`change failed: ${response.status} ${body}`);
      const event = (await events)[0];
      return { sent, answered, last: now(), event };
    }
    case 'present':
      return present(sockets, command.present);
    case 'join': {
      const newcomer = openSocket(command.open);
      await ready(newcomer, command.open);
      return join(sockets, newcomer, command.join, now);
    }
    case 'traffic':
      return traffic(sockets, command.traffic);
    case 'disconnect':
      sockets.forEach((s) => s.disconnect());
      sockets = [];
      return null;
    case 'storm': {
      const started = now();
      const synced = await Promise.all(
        Array.from({ length: command.open.count }, async () => {
          const socket = openSocket(command.open);
          const head = await ready(socket, command.open);
          sockets.push(socket);
          return { head, ms: now() - started };
        }),
      );
      return { started, perSocket: synced.map((s) => s.ms), heads: synced.map((s) => s.head) };
    }
  }
}

parentPort!.on('message', (command: Command) => {
  handle(command).then(
    (result) => parentPort!.postMessage({ id: command.id, result }),
    (error: unknown) => parentPort!.postMessage({ id: command.id, error: String(error) }),
  );
});
