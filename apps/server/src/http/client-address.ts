import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { clientIp, type TrustProxy } from '../auth/client-ip.ts';

/** What a request that came through no socket at all (`app.request()` in-process) is counted as. */
export const IN_PROCESS = 'in-process';

/** The client's address as TRUST_PROXY says to read it. */
export function clientAddress<C extends Context>(c: C, trust: TrustProxy): string {
  let remote: string | undefined;
  try {
    remote = getConnInfo(c).remote.address;
  } catch {
    return IN_PROCESS;
  }
  return clientIp(trust, remote, c.req.header('x-forwarded-for'));
}
