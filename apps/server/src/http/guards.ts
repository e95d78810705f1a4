import type { MiddlewareHandler } from 'hono';
import { DomainError } from '../lib/domain-error.ts';
import { sendsBearer } from './api-key-gate.ts';
import type { AppEnv } from './context.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie-authenticated mutations must come from our own pages: a browser always sends Origin
 * on them, and a foreign one is refused. Bodies are JSON only, which a cross-site form cannot
 * send without a preflight. A request with an API key (`Authorization: Bearer`) reads no cookie,
 * so no Origin is asked of it (ADR 31); a page elsewhere cannot send that header without CORS,
 * which the API does not answer.
 */
export function mutationGuard(isTrustedOrigin: (origin: string) => boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (safeMethods.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    // A program's key request carries no cookie; one that also sends a cookie keeps the cookie's rule.
    const keyOnly = sendsBearer(c) && !c.req.header('cookie');
    if (origin && !isTrustedOrigin(origin) && !keyOnly) {
      throw new DomainError('FORBIDDEN', 'This origin may not change data');
    }
    const type = c.req.header('content-type');
    if (type && !type.toLowerCase().startsWith('application/json')) {
      throw new DomainError('VALIDATION_FAILED', 'Send the request body as application/json');
    }
    return next();
  };
}

/**
 * The trusted origins, exactly as listed (`trustedOriginsFor`), the same list the auth library
 * checks; `http://localhost:*` trusts every port of a host (development servers). The Host
 * header is not trusted: the API and the auth library must agree on who may call them.
 */
export function originChecker(trusted: string[]) {
  const exact = new Set(trusted.filter((o) => !o.endsWith(':*')).map((o) => o.replace(/\/$/, '')));
  const anyPort = trusted.filter((o) => o.endsWith(':*')).map((o) => o.slice(0, -2));
  return (origin: string): boolean => {
    if (exact.has(origin)) return true;
    try {
      const url = new URL(origin);
      return anyPort.includes(`${url.protocol}//${url.hostname}`);
    } catch {
      return false;
    }
  };
}
