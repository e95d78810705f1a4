import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const LOCK_FILE = 'roster.lock';
/** Held while a stale lock is removed, so two processes never both take one over. */
const TAKEOVER_FILE = 'roster.lock.takeover';
/** A lock file without a pid this young may still be written by an older Roster: not stale yet. */
const UNWRITTEN_GRACE_MS = 2_000;
const heldHere = new Set<string>();

/**
 * PGlite has no lock of its own: two processes on one data folder corrupt it. The lock file is
 * created atomically with the holder's pid already in it (a hard link to a file written first),
 * so nobody ever reads a lock without its pid. A lock whose pid is no longer running was left by
 * a crash; it is taken over under a second lock, and only if it still is the one judged stale.
 */
export async function lockDataDir(dir: string): Promise<() => void> {
  mkdirSync(dir, { recursive: true });
  const lock = join(dir, LOCK_FILE);
  if (heldHere.has(lock)) throw new Error(`The database folder ${dir} is already open in this process.`);
  for (let attempt = 0; attempt < 100; attempt++) {
    if (createWithPid(lock)) {
      heldHere.add(lock);
      return () => {
        heldHere.delete(lock);
        rmSync(lock, { force: true });
      };
    }
    const seen = readLock(lock);
    if (seen === null) continue; // released meanwhile
    if (seen.pid === null && seen.ageMs < UNWRITTEN_GRACE_MS) await sleep(50);
    else if (seen.pid !== null && seen.pid !== process.pid && isRunning(seen.pid)) throw inUse(dir, lock, seen.pid);
    else await removeStale(dir, lock, seen.text);
  }
  throw new Error(`Could not lock the database folder ${dir}; delete ${lock} if no Roster process uses it.`);
}

function inUse(dir: string, lock: string, pid: number): Error {
  return new Error(
    `The database folder ${dir} is in use by another Roster process (pid ${pid}). ` +
      `Stop it, or point DATA_DIR elsewhere (if no Roster process is running, delete ${lock}).`,
  );
}

/** Creates `file` holding our pid, or answers false when it exists: never a moment without the pid. */
function createWithPid(file: string): boolean {
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, String(process.pid), { flag: 'wx' });
  try {
    linkSync(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(draft, { force: true });
  }
}

function readLock(file: string): { text: string; pid: number | null; ageMs: number } | null {
  try {
    const text = readFileSync(file, 'utf8');
    const pid = /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;
    return { text, pid, ageMs: Date.now() - statSync(file).mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Removes the lock a dead process left, but only while holding the takeover lock and only if the
 * lock still says what we judged stale: a process that looked earlier cannot remove the lock a
 * faster one just took.
 */
async function removeStale(dir: string, lock: string, staleText: string): Promise<void> {
  const takeover = join(dir, TAKEOVER_FILE);
  if (!createWithPid(takeover)) {
    const other = readLock(takeover);
    // Another process is taking over right now: look again in a moment.
    if (other?.pid != null && other.pid !== process.pid && isRunning(other.pid)) return void (await sleep(50));
    // A takeover that crashed midway (twice unlucky): clear it and start over.
    rmSync(takeover, { force: true });
    return;
  }
  try {
    if (readLock(lock)?.text === staleText) rmSync(lock, { force: true });
  } finally {
    rmSync(takeover, { force: true });
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
