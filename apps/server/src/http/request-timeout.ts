import type { MiddlewareHandler } from 'hono';
import { busy } from '../db/database-busy.ts';
import { withDeadline } from '../lib/request-deadline.ts';
import type { AppEnv } from './context.ts';

/**
 * No request waits without bound (a pool exhausted by something we did not foresee, a slow
 * query): past `ms` it is answered 503 BUSY with Retry-After. The deadline travels with the
 * request, so a change still queued gives up, and one waiting for its org's row lock is rolled
 * back by a lock_timeout ending just before (see orgTransaction): the 503 does not hide a change
 * that commits later.
 */
export function requestTimeout(ms: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(busy('The server took too long to answer; try again', 5)), ms);
    });
    try {
      await Promise.race([withDeadline(Date.now() + ms, next), expired]);
    } finally {
      clearTimeout(timer);
    }
  };
}
