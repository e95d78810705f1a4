import { busy } from '../db/database-busy.ts';
import { remainingMs } from '../lib/request-deadline.ts';

/**
 * One line per organization, in this process. The org row lock already lets only one change
 * of an org run at a time; waiting for it inside a transaction holds a pooled connection, so
 * forty writers to one org used to hold every connection and stall every other org. Here they
 * wait in memory instead, without a connection, and give up with BUSY after `maxWaitMs`.
 * Across processes the row lock still serializes, and `lock_timeout` bounds that wait.
 */
export interface OrgQueue {
  run<T>(orgId: string, work: () => Promise<T>): Promise<T>;
}

interface Line {
  running: number;
  waiting: Array<() => void>;
}

export interface OrgQueueOptions {
  /** How long a change may wait for its org's turn before it is refused with BUSY. */
  maxWaitMs: number;
  /** Changes of one org that may hold a connection at once (one: the row lock admits one anyway). */
  concurrency?: number;
}

export function createOrgQueue({ maxWaitMs, concurrency = 1 }: OrgQueueOptions): OrgQueue {
  const lines = new Map<string, Line>();

  function turn(line: Line): Promise<void> {
    if (line.running < concurrency) {
      line.running += 1;
      return Promise.resolve();
    }
    // Inside a request, never wait past the moment it is answered anyway.
    const waitMs = Math.max(0, Math.min(maxWaitMs, remainingMs() ?? maxWaitMs));
    return new Promise((resolve, reject) => {
      const go = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        line.waiting.splice(line.waiting.indexOf(go), 1);
        reject(orgBusy(maxWaitMs));
      }, waitMs);
      line.waiting.push(go);
    });
  }

  function release(orgId: string, line: Line) {
    const next = line.waiting.shift();
    // The slot passes straight to the next in line, so nobody can overtake it.
    if (next) return next();
    line.running -= 1;
    if (line.running === 0) lines.delete(orgId);
  }

  return {
    async run(orgId, work) {
      let line = lines.get(orgId);
      if (!line) lines.set(orgId, (line = { running: 0, waiting: [] }));
      await turn(line);
      try {
        return await work();
      } finally {
        release(orgId, line);
      }
    },
  };
}

function orgBusy(waitedMs: number) {
  const retryAfterSeconds = Math.max(1, Math.ceil(waitedMs / 5_000));
  return busy('This organization has too many changes in progress; try again in a moment', retryAfterSeconds);
}
