import { performance } from 'node:perf_hooks';
import type { Db } from '../src/db/connect.ts';
import type { RunningServer } from '../src/server.ts';
import { benchFetch } from './http.ts';
import { benchOrg } from './roster-org.ts';
import { SocketFleet } from './socket-fleet.ts';

/**
 * `sockets` sockets synced to seq S drop, five changes happen, and all reconnect at once and
 * sync from S: the time each takes until its sync is answered, and meanwhile how long another
 * admin waits for the members list.
 */
export async function measureReconnectStorm(server: RunningServer, db: Db, sockets: number) {
  const org = await benchOrg(server, db);
  const fleet = SocketFleet.start();
  const head = await fleet.open({ url: server.url, cookie: org.cookie, orgId: org.orgId, count: sockets });
  await fleet.disconnect();
  for (let i = 0; i < 5; i++) await org.changeRole();

  const readList = async () => {
    const started = performance.now();
    const response = await benchFetch(`${server.url}/api/orgs/${org.orgId}/members?limit=50`, {
      headers: { cookie: org.otherCookie },
    });
    if (!response.ok) throw new Error(`members list failed: ${response.status}`);
    await response.arrayBuffer();
    return performance.now() - started;
  };
  // The same read with nothing else going on: what the storm's figure compares with.
  const rest: number[] = [];
  for (let i = 0; i < 30; i++) rest.push(await readList());
  let storming = true;
  const list: number[] = [];
  const reader = (async () => {
    while (storming || list.length < 5) list.push(await readList());
  })();
  // New sockets, as a client's reconnection is to this server: no connection state is kept (ADR 8).
  const storm = await fleet.storm({
    url: server.url,
    cookie: org.cookie,
    orgId: org.orgId,
    since: head,
    count: sockets,
  });
  storming = false;
  await reader;
  await fleet.close();
  if (storm.heads.some((h) => h < head + 5)) throw new Error(`a sync from ${head} missed the five changes`);
  return { perSocket: storm.perSocket, allSynced: Math.max(...storm.perSocket), rest, list };
}
