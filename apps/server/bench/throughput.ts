import type { Db } from '../src/db/connect.ts';
import type { RunningServer } from '../src/server.ts';
import { ratePerSecond } from './floor-http.ts';
import { benchOrg } from './roster-org.ts';
import { SocketFleet } from './socket-fleet.ts';

/**
 * Sequential role changes a second: one client on one org, then eight clients each on its own
 * org, each org with `sockets` admin sockets listening, so every change is also delivered.
 */
export async function measureThroughput(server: RunningServer, db: Db, sockets: number, ms: number) {
  const orgs: Array<Awaited<ReturnType<typeof benchOrg>>> = [];
  const fleet = SocketFleet.start();
  for (let i = 0; i < 8; i++) {
    const org = await benchOrg(server, db);
    await fleet.open({ url: server.url, cookie: org.cookie, orgId: org.orgId, count: sockets });
    orgs.push(org);
  }
  const one = await ratePerSecond([() => orgs[0]!.changeRole()], ms);
  const eight = await ratePerSecond(
    orgs.map((org) => () => org.changeRole()),
    ms,
  );
  await fleet.close();
  return { one, eight };
}
