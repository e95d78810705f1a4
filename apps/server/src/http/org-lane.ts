import type { MiddlewareHandler } from 'hono';
import type { OrgQueue } from '../mutation/org-queue.ts';
import type { AppEnv } from './context.ts';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Requests that change an org take turns from the moment they arrive, before any database
 * work (even the session lookup), so a crowd of one org's writers costs everyone else one
 * request at a time. The transactions have a queue of their own (mutation/org-queue.ts); this
 * lane matters most on PGlite, whose one connection every query shares: without it, forty
 * writers' lookups filled that connection's line in front of every other org's reads.
 * Reads never wait here.
 */
export function orgLane(lane: OrgQueue): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const orgId = c.req.param('orgId');
    if (READS.has(c.req.method) || !orgId) return next();
    await lane.run(orgId, next);
  };
}
