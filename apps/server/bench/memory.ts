import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { connectDatabase, type Db } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createOrg, PASSWORD } from '../test/factories.ts';
import { signIn } from './http.ts';
import { freePort, waitForHealth } from './server-process.ts';
import { SocketFleet } from './socket-fleet.ts';

const serverDir = fileURLToPath(new URL('..', import.meta.url));

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
  let databaseUrl: string | undefined;
  if (!dataDir) {
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(db);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${rows[0]!.name}`;
    databaseUrl = url.toString();
  }

  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
  };
  if (dataDir) {
    env.DATA_DIR = dataDir;
    delete env.DATABASE_URL;
  } else env.DATABASE_URL = databaseUrl;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // Its warnings (no SMTP_URL) would cut through the tables; they are shown only if it fails.
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const server = { url: `http://localhost:${port}` };
  try {
    await waitForHealth(server.url);
    await new Promise((r) => setTimeout(r, 3000));
    const idle = rssBytes(child.pid!);
    const cookie = await signIn(server, org.people.admin0!.email, PASSWORD);
    const fleet = SocketFleet.start();
    await fleet.open({ url: server.url, cookie, orgId: org.id, count: sockets });
    await new Promise((r) => setTimeout(r, 3000));
    const connected = rssBytes(child.pid!);
    await fleet.close();
    return { idleMiB: idle / 2 ** 20, perSocketKiB: (connected - idle) / sockets / 1024 };
  } catch (error) {
    process.stderr.write(stderr);
    throw error;
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
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
