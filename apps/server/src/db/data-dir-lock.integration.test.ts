import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { spawnServerProcess, waitFor } from '../../test/processes.ts';

const lockModule = fileURLToPath(new URL('./data-dir-lock.ts', import.meta.url));
const RACERS = 6;

/**
 * One process that waits for the agreed instant, tries the lock, says whether it got it, and
 * stays alive until every racer has spoken: a holder that exited early would leave a stale lock
 * to a racer that started late on a loaded machine.
 */
function racer(dir: string, startAt: number) {
  const script = `
    const { lockDataDir } = await import(${JSON.stringify(lockModule)});
    while (Date.now() < ${startAt}) {}
    let verdict;
    try { await lockDataDir(${JSON.stringify(dir)}); verdict = 'held'; } catch (e) { verdict = 'refused: ' + e.message; }
    process.stdout.write(verdict + '\\n');
    process.stdin.resume();
    process.stdin.on('end', () => process.exit(0));
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  const verdict = new Promise<string>((resolve) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(out.trim());
    });
    child.once('exit', () => resolve(out.trim()));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const release = () => {
    child.stdin.end();
    return exited;
  };
  return { verdict, release };
}

async function race(dir: string): Promise<string[]> {
  // Far enough ahead that every racer has usually loaded and is spinning when the instant comes.
  const startAt = Date.now() + 4_000;
  const racers = Array.from({ length: RACERS }, () => racer(dir, startAt));
  const verdicts = await Promise.all(racers.map((r) => r.verdict));
  await Promise.all(racers.map((r) => r.release()));
  return verdicts;
}

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

describe('the data folder lock, taken by several processes at the same instant', () => {
  it('goes to exactly one of them in a fresh folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roster-lock-race-'));
    const verdicts = await race(dir);
    expect(verdicts.filter((v) => v === 'held')).toHaveLength(1);
    for (const v of verdicts.filter((v) => v !== 'held')) expect(v).toContain(dir);
  });

  it('goes to exactly one of them when a crashed process left its lock behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roster-lock-race-'));
    writeFileSync(join(dir, 'roster.lock'), String(await deadPid()));
    const verdicts = await race(dir);
    expect(verdicts.filter((v) => v === 'held')).toHaveLength(1);
    for (const v of verdicts.filter((v) => v !== 'held')) expect(v).toContain(dir);
  });
});

describe('two Roster servers started at once on the same data folder', () => {
  it('serves from one; the other exits non-zero, naming the folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roster-two-servers-'));
    const env = { DATA_DIR: dir, DATABASE_URL: undefined, REDIS_URL: undefined };
    const servers = await Promise.all([spawnServerProcess(env), spawnServerProcess(env)]);
    try {
      const loser = await Promise.race(servers.map((s) => s.exited.then((code) => ({ server: s, code }))));
      expect(loser.code).not.toBe(0);
      expect(loser.server.output()).toContain(`The database folder ${dir} is in use`);
      const winner = servers.find((s) => s !== loser.server)!;
      await waitFor(
        () => winner.output().includes('Roster is running'),
        60_000,
        () => winner.output(),
      );
      expect((await fetch(`${winner.url}/api/health`)).status).toBe(200);
      expect(winner.process.exitCode).toBeNull();
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  }, 90_000);
});
