import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { expect, it } from 'vitest';
import { lockDataDir } from './data-dir-lock.ts';

it('lets one process hold a data folder and tells a second one why it cannot', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'roster-lock-'));
  const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
  writeFileSync(join(dir, 'roster.lock'), String(holder.pid));
  try {
    expect(() => lockDataDir(dir)).toThrow(/in use by another Roster process/);
  } finally {
    holder.kill();
    await new Promise((resolve) => holder.once('exit', resolve));
  }
  // The holder is gone: its stale lock is taken over, and released again.
  const release = lockDataDir(dir);
  expect(existsSync(join(dir, 'roster.lock'))).toBe(true);
  release();
  expect(existsSync(join(dir, 'roster.lock'))).toBe(false);
});
