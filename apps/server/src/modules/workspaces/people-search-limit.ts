import { PEOPLE_SEARCHES_PER_MINUTE } from '@roster/contracts';
import { consumePoint, rateLimited, sharedLimiter, type LimitStores } from '../../auth/shared-limiter.ts';

/** Searches one person may run a minute through a workspace's "Add users" box. */
export interface PeopleSearchLimit {
  /** Counts one search by `userId`; RATE_LIMITED with Retry-After past the limit. */
  take(userId: string): Promise<void>;
}

/**
 * Counted where every server process sees it (Redis or the database, as the sign-in limits
 * are), so spreading searches over processes does not multiply the limit.
 */
export function createPeopleSearchLimit(stores: LimitStores): PeopleSearchLimit {
  const limiter = sharedLimiter(stores, {
    keyPrefix: 'people-search',
    points: PEOPLE_SEARCHES_PER_MINUTE,
    duration: 60,
  });
  return {
    async take(userId) {
      const res = await consumePoint(limiter, userId, stores.logger);
      if (res && res.consumedPoints > PEOPLE_SEARCHES_PER_MINUTE) {
        throw rateLimited(res.msBeforeNext, 'Too many searches; try again in a moment');
      }
    },
  };
}
