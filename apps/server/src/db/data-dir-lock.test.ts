import { mkdtempSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, expect, it } from 'vitest';
import { lockDataDir } from './data-dir-lock.ts';

const holders: ChildProcess[] = [];
afterEach(async () => {
  for (const holder of holders.splice(0)) {
    holder.kill();
    if (holder.exitCode === null) await new Promise((resolve) => holder.once('exit', resolve));
  }
});

/** Another process, alive for as long as the test needs it. */
function liveProcess(): number {
  const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
  holders.push(holder);
  return holder.pid!;
}

const freshDir = () => mkdtempSync(join(tmpdir(), 'roster-lock-'));
const later = (ms: number, step: () => void) => setTimeout(step, ms);

it('lets one process hold a data folder and tells a second one why it cannot', async () => {
  const dir = freshDir();
  const holder = liveProcess();
  writeFileSync(join(dir, 'roster.lock'), String(holder));
  await expect(lockDataDir(dir)).rejects.toThrow(`${dir} is in use by another Roster process (pid ${holder})`);
  await Promise.all(holders.splice(0).map((h) => (h.kill(), new Promise((resolve) => h.once('exit', resolve)))));
  // The holder is gone: its stale lock is taken over, and released again.
  const release = await lockDataDir(dir);
  expect(existsSync(join(dir, 'roster.lock'))).toBe(true);
  await expect(lockDataDir(dir)).rejects.toThrow('already open in this process');
  release();
  expect(existsSync(join(dir, 'roster.lock'))).toBe(false);
});

it('does not take a lock whose holder has created it but not yet written its pid', async () => {
  const dir = freshDir();
  const holder = liveProcess();
  // What a second start saw while the first was between creating the lock file and writing to it.
  writeFileSync(join(dir, 'roster.lock'), '');
  later(300, () => writeFileSync(join(dir, 'roster.lock'), String(holder)));
  await expect(lockDataDir(dir)).rejects.toThrow(`in use by another Roster process (pid ${holder})`);
});

it('leaves a stale lock to the process already taking it over', async () => {
  const dir = freshDir();
  const dead = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => dead.once('exit', resolve));
  writeFileSync(join(dir, 'roster.lock'), String(dead.pid));
  // Another process is mid-takeover: it holds the takeover lock, then finishes and holds the folder.
  const rival = liveProcess();
  writeFileSync(join(dir, 'roster.lock.takeover'), String(rival));
  later(300, () => {
    writeFileSync(join(dir, 'roster.lock'), String(rival));
    rmSync(join(dir, 'roster.lock.takeover'));
  });
  await expect(lockDataDir(dir)).rejects.toThrow(`(pid ${rival})`);
});

it('takes over a lock left by a crashed process, even one that had our pid (a restarted container)', async () => {
  const dir = freshDir();
  writeFileSync(join(dir, 'roster.lock'), String(process.pid));
  const release = await lockDataDir(dir);
  release();
});
