import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../lib/logger.ts';
import { withRequestId } from '../lib/request-context.ts';
import type { AppEnv } from './context.ts';

/**
 * Runs the request inside its id's context (every log line written while serving it carries
 * the id, and so does any error body) and logs one line when it is answered. The path only:
 * query strings carry tokens, and the logger scrubs the ones paths carry.
 */
export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) =>
    withRequestId(c.get('requestId'), async () => {
      const started = performance.now();
      await next();
      logger.info('request', {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      });
    });
}
