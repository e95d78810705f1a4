import { io as connect, type Socket } from 'socket.io-client';
import type { SyncAck } from '@roster/contracts';
import type { Db } from '../src/db/connect.ts';
import type { RunningServer } from '../src/server.ts';
import { createOrg, PASSWORD } from '../test/factories.ts';
import { benchFetch, signIn } from './http.ts';

/** An org with two admins (one opens the sockets, the other reads alongside) and one member whose role changes. */
export async function benchOrg(server: RunningServer, db: Db) {
  const org = await createOrg(db, { admin0: 'ADMIN', admin1: 'ADMIN', target: 'MEMBER' });
  const cookie = await signIn(server, org.people.admin0!.email, PASSWORD);
  const otherCookie = await signIn(server, org.people.admin1!.email, PASSWORD);
  let version = 1;
  let changes = 0;
  /** One role change of the target over HTTP; resolves when the response is in. */
  const changeRole = async () => {
    const response = await benchFetch(`${server.url}/api/orgs/${org.id}/members/${org.people.target!.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie, origin: server.url },
      body: JSON.stringify({ role: changes % 2 ? 'MEMBER' : 'EXTERNAL', version }),
    });
    if (!response.ok) throw new Error(`change failed: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
    version += 1;
    changes += 1;
  };
  return { orgId: org.id, cookie, otherCookie, changeRole };
}

export function openSocket(server: Pick<RunningServer, 'url'>, cookie: string): Socket {
  return connect(server.url, {
    transports: ['websocket'],
    extraHeaders: { cookie, origin: server.url },
    forceNew: true,
    reconnection: false,
  });
}

export async function syncSocket(socket: Socket, orgId: string, since: number): Promise<number> {
  const ack = (await socket.timeout(60_000).emitWithAck('roster:sync', { orgId, since })) as SyncAck;
  if ('error' in ack) throw new Error(`sync failed: ${ack.error.code}`);
  return ack.headSeq;
}

/** `count` sockets of one admin, connected a hundred at a time and each synced from 0. */
export async function openSyncedSockets(
  server: Pick<RunningServer, 'url'>,
  cookie: string,
  orgId: string,
  count: number,
) {
  const sockets: Socket[] = [];
  let head = 0;
  for (let i = 0; i < count; i += 100) {
    const batch = Array.from({ length: Math.min(100, count - i) }, () => openSocket(server, cookie));
    const heads = await Promise.all(batch.map((s) => syncSocket(s, orgId, 0)));
    head = Math.max(head, ...heads);
    sockets.push(...batch);
  }
  return { sockets, head };
}

export function nextEvent(socket: Socket): Promise<unknown> {
  return new Promise((resolve) => socket.once('roster:event', resolve));
}
