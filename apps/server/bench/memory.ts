import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectDatabase, type Db } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createOrg, PASSWORD } from '../test/factories.ts';
import { signIn } from './http.ts';
import { currentDatabaseUrl, startServerProcess } from './server-process.ts';
import { SocketFleet } from './socket-fleet.ts';

/**
 * The server's own memory, measured in a process of its own (`src/main.ts`, as `pnpm start`
 * runs it) so the bench's clients do not count: RSS once idle after start, then the growth per
 * socket with `sockets` of one admin connected and synced.
 */
export async function measureMemory(db: Db, kind: 'pglite' | 'postgres', sockets: number) {
  const dataDir = kind === 'pglite' ? mkdtempSync(join(tmpdir(), 'roster-bench-')) : undefined;
  // The embedded database is one process's: the org is written before the server opens it.
  let target = db;
  let closeTarget = async () => {};
  if (dataDir) {
    const handle = await connectDatabase({ dataDir });
    await migrateToLatest(handle.db);
    target = handle.db;
    closeTarget = () => handle.close();
  }
  const org = await createOrg(target, { admin0: 'ADMIN', target: 'MEMBER' });
  await closeTarget();
  const server = await startServerProcess({
    dataDir,
    databaseUrl: dataDir ? undefined : await currentDatabaseUrl(db),
    env: { HOST: '127.0.0.1', SEED_DEMO: 'false' },
  });
  try {
    await new Promise((r) => setTimeout(r, 3000));
    const idle = rssBytes(server.pid);
    const cookie = await signIn(server, org.people.admin0!.email, PASSWORD);
    const fleet = SocketFleet.start();
    await fleet.open({ url: server.url, cookie, orgId: org.id, count: sockets });
    await new Promise((r) => setTimeout(r, 3000));
    const connected = rssBytes(server.pid);
    await fleet.close();
    return { idleMiB: idle / 2 ** 20, perSocketKiB: (connected - idle) / sockets / 1024 };
  } catch (error) {
    server.reportOutput();
    throw error;
  } finally {
    await server.stop();
  }
}

/** Resident set size of a process, from /proc (Linux). */
function rssBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  if (!line) throw new Error('no VmRSS');
  return Number(line.split(/\s+/)[1]) * 1024;
}
