import { execFile, execFileSync, type ExecFileOptions } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, hasCommand } from './processes.ts';

/**
 * A throwaway PostgreSQL cluster for one test (its own data folder and port), from the Debian
 * binaries, so restarting it never disturbs the machine's shared server.
 */
export interface PrivatePostgres {
  url: string;
  /** `pg_ctl restart -m fast`: every connection is cut, the server is back when this resolves. */
  restart(): Promise<void>;
  /** `pg_ctl stop -m fast`, keeping the data and port: the server is down until `startUp`. */
  shutDown(): Promise<void>;
  /** Starts a server that `shutDown` stopped; it accepts connections when this resolves. */
  startUp(): Promise<void>;
  stop(): Promise<void>;
}

interface Tools {
  bin: string;
  /** Run as this user: PostgreSQL refuses to run as root. */
  runAs?: { uid: number; gid: number };
}

/** The binaries and user needed, or why they are missing. */
export function findPostgresTools(): Tools | { missing: string } {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl')) && existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) return { missing: `no initdb and pg_ctl under ${root}/*/bin` };
  const bin = join(root, versions[0]!, 'bin');
  if (process.getuid?.() !== 0) return { bin };
  const entry = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((line) => line.startsWith('postgres:'));
  if (!entry) return { missing: 'running as root and there is no postgres user to run PostgreSQL as' };
  const [, , uid, gid] = entry.split(':');
  return { bin, runAs: { uid: Number(uid), gid: Number(gid) } };
}

export function faultToolsMissing(): string | null {
  const pg = findPostgresTools();
  if ('missing' in pg) return pg.missing;
  return hasCommand('redis-server') ? null : 'no redis-server on PATH';
}

/**
 * Suites on a PostgreSQL and Redis of their own run once per CI run, in the pass without
 * DATABASE_URL (they never touch the shared server). Missing binaries skip them with a message,
 * except in CI, where the suite runs and fails on them.
 */
export function privateServersRun(suite: string): { skip: boolean; missing: string | null } {
  const missing = faultToolsMissing();
  const ownRun = !process.env.DATABASE_URL;
  if (ownRun && missing && !process.env.CI) console.warn(`${suite} skipped: ${missing}`);
  return { skip: !ownRun || (missing !== null && !process.env.CI), missing };
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const tools = findPostgresTools();
  if ('missing' in tools) throw new Error(tools.missing);
  const dir = mkdtempSync(join(tmpdir(), 'roster-pg-'));
  if (tools.runAs) chownSync(dir, tools.runAs.uid, tools.runAs.gid);
  const data = join(dir, 'data');
  const port = await freePort();
  const run = (tool: string, args: string[]) => runTool(join(tools.bin, tool), args, tools.runAs);
  await run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '--no-locale', '-E', 'UTF8']);
  // Settings for a test: no durability, a socket in the private folder, only the loopback.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off`;
  const startUp = () =>
    run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', '-t', '30', 'start']).then(() => undefined);
  await startUp();
  // pg_ctl leaves the server running on its own: never outlive this test process.
  const leftBehind = () => {
    try {
      execFileSync(join(tools.bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop'], {
        ...tools.runAs,
        stdio: 'ignore',
      });
    } catch {
      // Already stopped.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', leftBehind);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart: () =>
      run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-m', 'fast', '-w', '-t', '30', 'restart']).then(
        () => undefined,
      ),
    shutDown: () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']).then(() => undefined),
    startUp,
    async stop() {
      process.off('exit', leftBehind);
      await run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function runTool(file: string, args: string[], runAs?: { uid: number; gid: number }): Promise<string> {
  const options: ExecFileOptions = { ...(runAs ?? {}), cwd: tmpdir(), timeout: 60_000 };
  return new Promise((resolve, reject) => {
    execFile(file, args, options, (error, stdout, stderr) => {
      if (error)
        reject(new Error(`${file} ${args.join(' ')} failed: ${error.message}\n${String(stdout)}${String(stderr)}`));
      else resolve(String(stdout));
    });
  });
}
