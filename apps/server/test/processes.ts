import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const serverDir = fileURLToPath(new URL('..', import.meta.url));

export interface Child {
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

function track(child: ChildProcess): Child {
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** A private Redis for one test, so stopping it never disturbs anything else. */
export async function startRedis(port: number): Promise<Child> {
  const child = track(
    spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'pipe',
    }),
  );
  await waitFor(
    () => child.output().includes('Ready to accept connections'),
    10_000,
    () => child.output(),
  );
  return child;
}

/**
 * A real Roster server process, as `pnpm start` runs it, not yet waited for. An `undefined`
 * value removes that variable (e.g. DATABASE_URL, to serve the embedded database).
 */
export async function spawnServerProcess(
  env: Record<string, string | undefined>,
): Promise<Child & { url: string; exited: Promise<number | null> }> {
  const port = await freePort();
  const merged: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'info',
    ...env,
  };
  for (const [name, value] of Object.entries(merged)) if (value === undefined) delete merged[name];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: merged,
    stdio: 'pipe',
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { ...track(child), url: `http://localhost:${port}`, exited };
}

/** A real Roster server process, serving once this resolves. */
export async function startServerProcess(env: Record<string, string | undefined>): Promise<Child & { url: string }> {
  const child = await spawnServerProcess(env);
  await waitFor(
    () => child.output().includes('Roster is running'),
    30_000,
    () => child.output(),
  );
  return child;
}

export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  describe: () => string = () => '',
) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting; ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function hasCommand(name: string): boolean {
  const paths = (process.env.PATH ?? '').split(':');
  return paths.some((dir) => existsSync(`${dir}/${name}`));
}
