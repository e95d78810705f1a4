import type { Socket } from 'socket.io-client';
import { applyPresenceChanges, presenceEvents, type PresenceChanges, type PresenceState } from '@roster/contracts';

export interface PresenceWatcher {
  socket: Socket;
  /** The page as the socket knows it after each `presence:state` or `presence:changes`, in order. */
  states: PresenceState[];
  /** How many `presence:changes` arrived (the rest of `states` came whole). */
  changes: PresenceChanges[];
  /** Resolves with the first state of a page (received already or later) that matches. */
  waitFor(
    orgId: string,
    view: string,
    match: (state: PresenceState) => boolean,
    timeoutMs?: number,
  ): Promise<PresenceState>;
}

/** Records a socket's presence: whole pages, and changes applied to the page it had, as a tab does. */
export function withPresence(socket: Socket): PresenceWatcher {
  const states: PresenceState[] = [];
  const changes: PresenceChanges[] = [];
  const waiting = new Set<() => void>();
  const received = (state: PresenceState) => {
    states.push(state);
    waiting.forEach((check) => check());
  };
  socket.on(presenceEvents.state, received);
  socket.on(presenceEvents.changes, (change: PresenceChanges) => {
    changes.push(change);
    const had = presenceOn({ states }, change.orgId, change.view);
    if (!had) throw new Error(`presence:changes for ${change.view} before its presence:state`);
    received({ ...had, people: applyPresenceChanges(had.people, change) });
  });
  return {
    socket,
    states,
    changes,
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

/** The latest state a socket knows of a page. */
export function presenceOn(watcher: Pick<PresenceWatcher, 'states'>, orgId: string, view: string) {
  return watcher.states.findLast((s) => s.orgId === orgId && s.view === view);
}
