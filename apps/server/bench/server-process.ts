import { execFileSync, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from '../src/db/connect.ts';

const serverDir = fileURLToPath(new URL('..', import.meta.url));

export interface ServerProcess {
  url: string;
  pid: number;
  /** Writes what the server printed: shown only when a part fails, so warnings stay out of the tables. */
  reportOutput(): void;
  /** Stops the server and removes its data folder. */
  stop(): Promise<void>;
}

/**
 * The server started as `pnpm start` starts it (compiled, `dist/main.mjs`), in a process of its own, on the
 * embedded database in `dataDir` or on `databaseUrl`; resolves once it answers its health check.
 */
let built = false;
/** Compiles the server as `pnpm start` does, once per bench run (it takes a second). */
function buildOnce() {
  if (built) return;
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: serverDir, stdio: 'inherit' });
  built = true;
}

export async function startServerProcess(options: {
  dataDir?: string | undefined;
  databaseUrl?: string | undefined;
  env?: NodeJS.ProcessEnv;
}): Promise<ServerProcess> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  if (options.dataDir) {
    env.DATA_DIR = options.dataDir;
    delete env.DATABASE_URL;
  } else env.DATABASE_URL = options.databaseUrl;
  buildOnce();
  const child = spawn(process.execPath, ['--enable-source-maps', 'dist/main.mjs'], {
    cwd: serverDir,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const server: ServerProcess = {
    url: `http://localhost:${port}`,
    pid: child.pid!,
    reportOutput: () => void process.stderr.write(output),
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      if (options.dataDir) rmSync(options.dataDir, { recursive: true, force: true });
    },
  };
  try {
    await waitForHealth(server.url);
    return server;
  } catch (error) {
    server.reportOutput();
    await server.stop();
    throw error;
  }
}

/** The bench's own database on the PostgreSQL server, for a server process of its own. */
export async function currentDatabaseUrl(db: Db): Promise<string> {
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(db);
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${rows[0]!.name}`;
  return url.toString();
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export async function waitForHealth(url: string) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the server did not start within 2 minutes');
    await new Promise((r) => setTimeout(r, 200));
  }
}
