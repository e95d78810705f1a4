import type { Socket } from 'socket.io-client';
import { presenceEvents, type PresenceState } from '@roster/contracts';

export interface PresenceWatcher {
  socket: Socket;
  /** Every `presence:state` the socket received, in order. */
  states: PresenceState[];
  /** Resolves with the first state of a page (received already or later) that matches. */
  waitFor(
    orgId: string,
    view: string,
    match: (state: PresenceState) => boolean,
    timeoutMs?: number,
  ): Promise<PresenceState>;
}

/** Records a socket's presence states. */
export function withPresence(socket: Socket): PresenceWatcher {
  const states: PresenceState[] = [];
  const waiting = new Set<() => void>();
  socket.on(presenceEvents.state, (state: PresenceState) => {
    states.push(state);
    waiting.forEach((check) => check());
  });
  return {
    socket,
    states,
    waitFor(orgId, view, match, timeoutMs = 2_000) {
      return new Promise((resolve, reject) => {
        const latest = () => presenceOn({ states }, orgId, view);
        const check = () => {
          const state = latest();
          if (!state || !match(state)) return;
          waiting.delete(check);
          clearTimeout(timer);
          resolve(state);
        };
        const timer = setTimeout(() => {
          waiting.delete(check);
          reject(
            new Error(`no matching presence on ${view} within ${timeoutMs} ms; last: ${JSON.stringify(latest())}`),
          );
        }, timeoutMs);
        waiting.add(check);
        check();
      });
    },
  };
}

/** The latest state a socket received for a page. */
export function presenceOn(watcher: Pick<PresenceWatcher, 'states'>, orgId: string, view: string) {
  return watcher.states.findLast((s) => s.orgId === orgId && s.view === view);
}
