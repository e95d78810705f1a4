import { performance } from 'node:perf_hooks';
import { io as connect, type Socket } from 'socket.io-client';
import { benchFetch, signIn } from './http.ts';
import type { RunningServer } from '../src/server.ts';
import type { Db } from '../src/db/connect.ts';
import { createOrg, PASSWORD } from '../test/factories.ts';

/**
 * From sending a role change over HTTP to the moment the last of `admins` connected admin
 * sockets has the event: what "live for every admin" costs.
 */
export async function measurePropagation(
  server: RunningServer,
  db: Db,
  admins: number,
  changes: number,
): Promise<number[]> {
  const roles = Object.fromEntries([
    ...Array.from({ length: admins }, (_, i) => [`admin${i}`, 'ADMIN']),
    ['target', 'MEMBER'],
  ]) as Record<string, 'ADMIN' | 'MEMBER'>;
  const org = await createOrg(db, roles);
  const cookie = await signIn(server, org.people.admin0!.email, PASSWORD);
  const sockets = Array.from({ length: admins }, () =>
    connect(server.url, { transports: ['websocket'], extraHeaders: { cookie, origin: server.url }, forceNew: true }),
  );
  await Promise.all(sockets.map((s) => s.timeout(20_000).emitWithAck('roster:sync', { orgId: org.id, since: 0 })));
  const samples: number[] = [];
  let version = 1;
  for (let i = 0; i < changes; i++) {
    const arrivals = sockets.map((s) => nextSeq(s));
    const started = performance.now();
    const response = await benchFetch(`${server.url}/api/orgs/${org.id}/members/${org.people.target!.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie, origin: server.url },
      body: JSON.stringify({ role: i % 2 ? 'MEMBER' : 'EXTERNAL', version }),
    });
    if (!response.ok) throw new Error(`change failed: ${response.status}`);
    version += 1;
    await Promise.all(arrivals);
    samples.push(performance.now() - started);
  }
  sockets.forEach((s) => s.disconnect());
  return samples;
}

function nextSeq(socket: Socket) {
  return new Promise<void>((resolve) => socket.once('roster:event', () => resolve()));
}
