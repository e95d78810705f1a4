import type { Db } from '../src/db/connect.ts';
import type { RunningServer } from '../src/server.ts';
import { benchOrg } from './roster-org.ts';
import { SocketFleet } from './socket-fleet.ts';

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
  const fleet = SocketFleet.start();
  await fleet.open({ url: server.url, cookie: org.cookie, orgId: org.orgId, count: sockets });
  const result: Propagation = { arrival: [], response: [], event: undefined };
  for (let i = 0; i < changes + 3; i++) {
    // Sent from the fleet's thread: the caller reads its response as an outside client would,
    // not on the server's event loop behind the fan-out.
    const run = await fleet.change(org.nextChange());
    org.changed();
    // The first few warm the paths both ways.
    if (i < 3) continue;
    result.response.push(run.answered - run.sent);
    result.arrival.push(run.last - run.sent);
    result.event ??= run.event;
  }
  await fleet.close();
  return result;
}
