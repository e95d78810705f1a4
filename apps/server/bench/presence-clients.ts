import type { Socket } from 'socket.io-client';
import { presenceEvents, type PresenceState } from '@roster/contracts';

/**
 * The presence commands of the bench's client thread (socket-fleet-worker.ts). States are read as
 * the app's client reads them; their size is counted as the JSON length of the payload.
 */
const STATE = presenceEvents.state;

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

const stateWhere = (socket: Socket, match: (state: PresenceState) => boolean) =>
  new Promise<PresenceState>((resolve) => {
    const on = (state: PresenceState) => {
      if (!match(state)) return;
      socket.off(STATE, on);
      resolve(state);
    };
    socket.on(STATE, on);
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
): Promise<{ sent: number; last: number; state: PresenceState }> {
  const { personId } = command;
  const named = (state: PresenceState) => personId === undefined || state.people.some((p) => p.userId === personId);
  const arrivals = Promise.all(sockets.map((s) => stateWhere(s, named)));
  const sent = now();
  newcomer.emit(command.event, command.payload);
  const states = await arrivals;
  const last = now();
  if (command.leave !== undefined) {
    const gone = Promise.all(sockets.map((s) => stateWhere(s, (state) => !named(state))));
    newcomer.emit(command.event, command.leave);
    await gone;
  }
  newcomer.disconnect();
  return { sent, last, state: states[0]! };
}

export async function traffic(
  sockets: Socket[],
  command: TrafficCommand,
): Promise<{ bytesPerSocketPerSecond: number; statesPerSocket: number }> {
  let bytes = 0;
  let states = 0;
  const count = (state: PresenceState) => {
    bytes += JSON.stringify(state).length;
    states += 1;
  };
  sockets.forEach((s) => s.on(STATE, count));
  let turn = 0;
  const send = () => sockets[0]!.emit(command.event, command.payloads[turn++ % command.payloads.length]);
  const timer = setInterval(send, command.everyMs);
  await new Promise((resolve) => setTimeout(resolve, command.seconds * 1000));
  clearInterval(timer);
  sockets.forEach((s) => s.off(STATE, count));
  return {
    bytesPerSocketPerSecond: bytes / sockets.length / command.seconds,
    statesPerSocket: states / sockets.length,
  };
}
