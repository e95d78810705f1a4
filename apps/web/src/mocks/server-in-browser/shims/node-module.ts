// @ts-expect-error resolved as the server resolves it (build/server-in-browser.ts); not a web dependency.
import { RateLimiterRedis } from 'rate-limiter-flexible';

/**
 * auth/rate-limit-store.ts loads the limiter's store base class by path, which the package leaves
 * out of its index; every store extends it, so it is the Redis store's parent class.
 */
export function createRequire() {
  return (id: string) => {
    if (id.endsWith('RateLimiterStoreAbstract.js')) return Object.getPrototypeOf(RateLimiterRedis) as unknown;
    throw new Error(`require(${id}) is not available in the browser`);
  };
}
