import type { Socket } from 'socket.io-client';
import { applyPresenceChanges, presenceEvents, type PresenceChanges, type PresenceState } from '@roster/contracts';

/**
 * The presence commands of the bench's client thread (socket-fleet-worker.ts). Pages are read as
 * the app's client reads them (a state, then changes); sizes are the JSON length of each payload.
 */
const STATE = presenceEvents.state;
const CHANGES = presenceEvents.changes;

/** Every socket sends `payload` as `event`; resolves once each has a state listing `people` people. */
export interface PresentCommand {
  event: string;
  payload: unknown;
  people: number;
}

/** A new socket arrives on the page: from its `event` until the last of the others has a state that names `personId` (any state when none is given). */
export interface JoinCommand {
  event: string;
  payload: unknown;
  personId?: string;
  /** Sent before the new socket closes, and awaited on the others: the person is gone before the next sample. */
  leave?: unknown;
}

/** For `seconds`, the first socket sends `payloads` in turn every `everyMs`; every socket counts what it receives. */
export interface TrafficCommand {
  event: string;
  payloads: unknown[];
  everyMs: number;
  seconds: number;
}

interface Watched {
  /** The page as the socket knows it: the last state, patched by the changes since. */
  page?: PresenceState;
  /** The last message as it came (a whole state or changes). */
  message?: unknown;
  bytes: number;
  messages: number;
  waiters: Set<() => void>;
}
const watched = new WeakMap<Socket, Watched>();

/** Reads a socket's presence as the app's client does: a state, then changes applied to it. */
function watch(socket: Socket): Watched {
  let w = watched.get(socket);
  if (w) return w;
  const state: Watched = { bytes: 0, messages: 0, waiters: new Set() };
  const received = (payload: unknown, page: PresenceState | undefined) => {
    state.bytes += JSON.stringify(payload).length;
    state.messages += 1;
    state.message = payload;
    state.page = page;
    state.waiters.forEach((check) => check());
  };
  socket.on(STATE, (page: PresenceState) => received(page, page));
  socket.on(CHANGES, (changes: PresenceChanges) => {
    const had = state.page;
    if (!had) return received(changes, had);
    received(changes, { ...had, people: applyPresenceChanges(had.people, changes) });
  });
  watched.set(socket, state);
  w = state;
  return w;
}

/** Resolves with the socket's page once a message arriving from now on leaves it matching. */
const stateWhere = (socket: Socket, match: (state: PresenceState) => boolean) =>
  new Promise<PresenceState>((resolve) => {
    const w = watch(socket);
    const check = () => {
      if (!w.page || !match(w.page)) return;
      w.waiters.delete(check);
      resolve(w.page);
    };
    w.waiters.add(check);
  });

export async function present(sockets: Socket[], command: PresentCommand): Promise<null> {
  const listed = Promise.all(sockets.map((s) => stateWhere(s, (state) => state.people.length >= command.people)));
  sockets.forEach((s) => s.emit(command.event, command.payload));
  await listed;
  return null;
}

export async function join(
  sockets: Socket[],
  newcomer: Socket,
  command: JoinCommand,
  now: () => number,
): Promise<{ sent: number; last: number; state: PresenceState; message: unknown }> {
  const { personId } = command;
  const named = (state: PresenceState) => personId === undefined || state.people.some((p) => p.userId === personId);
  const arrivals = Promise.all(sockets.map((s) => stateWhere(s, named)));
  const sent = now();
  newcomer.emit(command.event, command.payload);
  const states = await arrivals;
  const last = now();
  const message = watch(sockets[0]!).message;
  if (command.leave !== undefined) {
    const gone = Promise.all(sockets.map((s) => stateWhere(s, (state) => !named(state))));
    newcomer.emit(command.event, command.leave);
    await gone;
  }
  newcomer.disconnect();
  return { sent, last, state: states[0]!, message };
}

export async function traffic(
  sockets: Socket[],
  command: TrafficCommand,
): Promise<{ bytesPerSocketPerSecond: number; statesPerSocket: number }> {
  const before = sockets.map((s) => ({ ...watch(s) }));
  let turn = 0;
  const send = () => sockets[0]!.emit(command.event, command.payloads[turn++ % command.payloads.length]);
  const timer = setInterval(send, command.everyMs);
  await new Promise((resolve) => setTimeout(resolve, command.seconds * 1000));
  clearInterval(timer);
  const bytes = sockets.reduce((sum, s, i) => sum + watch(s).bytes - before[i]!.bytes, 0);
  const messages = sockets.reduce((sum, s, i) => sum + watch(s).messages - before[i]!.messages, 0);
  return {
    bytesPerSocketPerSecond: bytes / sockets.length / command.seconds,
    statesPerSocket: messages / sockets.length,
  };
}
