import type { MiddlewareHandler } from 'hono';
import type { TrustProxy } from '../auth/client-ip.ts';
import type { Logger } from '../lib/logger.ts';
import { withRequestContext } from '../lib/request-context.ts';
import { clientAddress, IN_PROCESS } from './client-address.ts';
import type { AppEnv } from './context.ts';

/** Long enough for any real browser's user agent; a longer header is cut, not refused. */
const MAX_USER_AGENT = 500;

/**
 * Runs the request inside its context (every log line written while serving it carries the id,
 * and so does any error body; the audit log keeps the id, address and user agent of each change)
 * and logs one line when it is answered. The path only: query strings carry tokens, and the
 * logger scrubs the ones paths carry.
 */
export function requestLog(logger: Logger, trustProxy: TrustProxy): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const address = clientAddress(c, trustProxy);
    const request = {
      requestId: c.get('requestId'),
      ...(address === IN_PROCESS ? {} : { ip: address }),
      ...(c.req.header('user-agent') ? { userAgent: c.req.header('user-agent')!.slice(0, MAX_USER_AGENT) } : {}),
    };
    return withRequestContext(request, async () => {
      const started = performance.now();
      await next();
      logger.info('request', {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      });
    });
  };
}
