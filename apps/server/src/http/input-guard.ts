import type { MiddlewareHandler } from 'hono';
import { isTypeable } from '@roster/contracts';
import { DomainError, notFound } from '../lib/domain-error.ts';
import type { AppEnv } from './context.ts';

/** Longer than any id, token or route word of ours: such a path names nothing. */
const MAX_PATH_SEGMENT = 128;
/** Longer than any query value a route reads (the longest is a 2 KB callback URL). */
const MAX_QUERY_VALUE = 4096;
const MAX_QUERY_KEY = 64;

/**
 * Every id a route reads from its path reaches the database, so a segment no row could have
 * (NUL, other control characters, bytes that are not UTF-8, absurd lengths) is answered 404
 * here, once, for every route present and future, before anyone looks it up.
 */
export function pathGuard(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const segments = new URL(c.req.url).pathname.split('/');
    if (!segments.every(isPlausibleSegment)) throw notFound('That address');
    return next();
  };
}

function isPlausibleSegment(raw: string): boolean {
  if (raw.length > MAX_PATH_SEGMENT * 3) return false;
  let segment: string;
  try {
    segment = decodeURIComponent(raw);
  } catch {
    return false; // not UTF-8: no id of ours is
  }
  return segment.length <= MAX_PATH_SEGMENT && isTypeable(segment);
}

/**
 * Routes validate the query keys they read with the contracts; this bounds the rest too, so a
 * key no schema names (or one the auth library reads) cannot carry NUL or megabytes inward.
 */
export function queryGuard(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    for (const [key, values] of Object.entries(c.req.queries())) {
      const fine = (value: string) => value.length <= MAX_QUERY_VALUE && isTypeable(value);
      if (key.length > MAX_QUERY_KEY || !isTypeable(key) || !values.every(fine)) {
        throw new DomainError('VALIDATION_FAILED', 'Some fields are not valid', {
          fields: [{ path: key.slice(0, MAX_QUERY_KEY), message: 'Remove control characters or shorten it' }],
        });
      }
    }
    return next();
  };
}
