import { performance } from 'node:perf_hooks';
import type { Db } from '../src/db/connect.ts';
import type { RunningServer } from '../src/server.ts';
import { benchOrg, nextEvent, openSyncedSockets } from './roster-org.ts';

export interface Propagation {
  /** From sending a role change to the moment the last socket has its event. */
  arrival: number[];
  /** From sending the same change to its HTTP response: what the caller waits. */
  response: number[];
  /** One event as the sockets received it, so the fan-out floor sends the same size. */
  event: unknown;
}

/**
 * Role changes over HTTP while one admin holds `sockets` connected sockets on the org: what
 * "live for every admin" costs, and whether the caller waits for the fan-out.
 */
export async function measurePropagation(
  server: RunningServer,
  db: Db,
  sockets: number,
  changes: number,
): Promise<Propagation> {
  const org = await benchOrg(server, db);
  const { sockets: open } = await openSyncedSockets(server, org.cookie, org.orgId, sockets);
  const result: Propagation = { arrival: [], response: [], event: undefined };
  for (let i = 0; i < changes + 3; i++) {
    const arrivals = open.map((s) => nextEvent(s));
    const started = performance.now();
    await org.changeRole();
    const answered = performance.now() - started;
    const events = await Promise.all(arrivals);
    // The first few warm the paths both ways.
    if (i < 3) continue;
    result.response.push(answered);
    result.arrival.push(performance.now() - started);
    result.event ??= events[0];
  }
  open.forEach((s) => s.disconnect());
  return result;
}
