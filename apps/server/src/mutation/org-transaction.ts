import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/connect.ts';
import { SESSION_TIMEOUTS } from '../db/session-timeouts.ts';
import { busy } from '../db/database-busy.ts';
import type { Database } from '../db/schema.ts';
import { remainingMs } from '../lib/request-deadline.ts';
import type { OrgQueue } from './org-queue.ts';

/** The request's answer must not race the change: its lock wait ends this long before the deadline. */
const DECIDE_BEFORE_DEADLINE_MS = 250;

/**
 * A transaction of one org that begins (and takes a connection) only once it is the org's turn
 * in this process. Inside a request, its wait for the org's row lock (another process holds it)
 * ends before the request's deadline: the change is rolled back, never committed after a 503.
 */
export function orgTransaction(deps: { db: Db; orgQueue: OrgQueue }, orgId: string) {
  return {
    execute: <T>(work: (tx: Transaction<Database>) => Promise<T>): Promise<T> =>
      deps.orgQueue.run(orgId, () =>
        deps.db.transaction().execute(async (tx) => {
          await boundLockWait(tx);
          return work(tx);
        }),
      ),
  };
}

async function boundLockWait(tx: Transaction<Database>) {
  const left = remainingMs();
  if (left === undefined) return; // background work: the session's lock_timeout applies
  const budget = Math.floor(left - DECIDE_BEFORE_DEADLINE_MS);
  if (budget <= 0) throw busy('The server took too long to answer; try again', 5);
  // Only ever shorter than the session's own lock_timeout, never longer.
  if (budget >= SESSION_TIMEOUTS.lock_timeout) return;
  await sql`select set_config('lock_timeout', ${String(budget)}, true)`.execute(tx);
}
