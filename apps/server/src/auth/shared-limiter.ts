import { RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { RateLimiterKysely } from './rate-limit-store.ts';
import type { Db } from '../db/connect.ts';
import { DomainError } from '../lib/domain-error.ts';
import type { Logger } from '../lib/logger.ts';
import type { RedisClient } from '../lib/redis-client.ts';

export interface LimitStores {
  db: Db;
  /** With REDIS_URL the counters live in Redis, with the database as the fallback while it is away. */
  redis?: RedisClient | undefined;
  logger: Logger;
}

/**
 * A counter every server process shares: Redis when it is configured (the database standing in
 * while Redis is away), the database otherwise. Limits that must hold across processes use it.
 */
export function sharedLimiter(
  stores: LimitStores,
  options: { keyPrefix: string; points: number; duration: number },
): RateLimiterAbstract {
  const database = new RateLimiterKysely(stores.db, options);
  if (!stores.redis) return database;
  return new RateLimiterRedis({
    storeClient: stores.redis,
    useRedisPackage: true,
    rejectIfRedisNotReady: true,
    ...options,
    insuranceLimiter: database,
  });
}

/** Counts one hit; the limiter's answer either way, or null when no store answered. */
export async function consumePoint(
  limiter: RateLimiterAbstract,
  key: string,
  logger: Logger,
): Promise<RateLimiterRes | null> {
  try {
    return await limiter.consume(key);
  } catch (outcome) {
    if (outcome instanceof RateLimiterRes) return outcome;
    logger.error('rate limit store failed', { error: String(outcome) });
    return null;
  }
}

export function rateLimited(msBeforeNext: number, message = 'Too many attempts. Try again later.'): DomainError {
  const retryAfter = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new DomainError('RATE_LIMITED', message, { retryAfterSeconds: retryAfter });
}
