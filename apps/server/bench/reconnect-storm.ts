import { performance } from 'node:perf_hooks';
import type { Db } from '../src/db/connect.ts';
import type { RunningServer } from '../src/server.ts';
import { benchFetch } from './http.ts';
import { benchOrg, openSocket, openSyncedSockets, syncSocket } from './roster-org.ts';

/**
 * `sockets` sockets synced to seq S drop, five changes happen, and all reconnect at once and
 * sync from S: the time each takes until its sync is answered, and meanwhile how long another
 * admin waits for the members list.
 */
export async function measureReconnectStorm(server: RunningServer, db: Db, sockets: number) {
  const org = await benchOrg(server, db);
  const { sockets: first, head } = await openSyncedSockets(server, org.cookie, org.orgId, sockets);
  first.forEach((s) => s.disconnect());
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
  const started = performance.now();
  const synced = await Promise.all(
    Array.from({ length: sockets }, async () => {
      const socket = openSocket(server, org.cookie);
      const after = await syncSocket(socket, org.orgId, head);
      if (after < head + 5) throw new Error(`sync from ${head} ended at ${after}`);
      return { socket, ms: performance.now() - started };
    }),
  );
  const allSynced = performance.now() - started;
  storming = false;
  await reader;
  synced.forEach(({ socket }) => socket.disconnect());
  return { perSocket: synced.map((s) => s.ms), allSynced, rest, list };
}
