import type { InProcessApp } from '../../../../../server/src/in-process-app.ts';
import type { BridgeFaults, BridgePresence } from '../live-bridge.ts';
import { signInAs, type Person } from './as-person.ts';

/** What a scenario works with: the server in the tab, the bridge's faults and presence, the demo org. */
export interface World {
  server: InProcessApp;
  bridge: { faults: BridgeFaults; dropConnections(): void; presence: BridgePresence };
  origin: string;
  orgId: string;
  /** A demo person signed in through the API (once; later calls reuse the session). */
  as(email: string): Promise<Person>;
  /** Aborted when the scenario stops: its players' timers end. */
  stopped: AbortSignal;
  stop(): void;
}

export async function createWorld(server: InProcessApp, bridge: World['bridge'], origin: string): Promise<World> {
  const org = await server.db
    .selectFrom('organizations')
    .select('id')
    .where('slug', '=', 'acme')
    .executeTakeFirstOrThrow();
  const people = new Map<string, Promise<Person>>();
  const stopping = new AbortController();
  return {
    server,
    bridge,
    origin,
    orgId: org.id,
    as(email) {
      let person = people.get(email);
      if (!person) {
        person = signInAs((request) => server.app.fetch(request), origin, email);
        // A failed sign-in is tried again next time rather than remembered.
        person.catch(() => people.delete(email));
        people.set(email, person);
      }
      return person;
    },
    stopped: stopping.signal,
    stop: () => stopping.abort(),
  };
}

/**
 * Runs `tick` every `ms`, one at a time (the next waits for the previous to finish), for as long
 * as the tab lives or until `stopped` aborts. A tick that throws is logged and the rhythm goes on.
 */
export function every(ms: number, tick: () => unknown, stopped?: AbortSignal): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const next = () => {
    if (stopped?.aborted) return;
    timer = setTimeout(() => {
      Promise.resolve()
        .then(tick)
        .catch((error: unknown) => console.warn('[roster] scenario step failed', error))
        .finally(next);
    }, ms);
  };
  stopped?.addEventListener('abort', () => clearTimeout(timer), { once: true });
  next();
}
