import { ORG_CREATIONS_PER_HOUR } from '@roster/contracts';
import { consumePoint, rateLimited, sharedLimiter, type LimitStores } from '../../auth/shared-limiter.ts';

/** Org creations one person may attempt an hour. */
export interface OrgCreationLimit {
  /** Counts one attempt by `userId`; RATE_LIMITED with Retry-After past the limit. */
  take(userId: string): Promise<void>;
}

/**
 * Counted where every server process sees it (Redis or the database, as the sign-in limits
 * are), so spreading creations over processes does not multiply the limit.
 */
export function createOrgCreationLimit(stores: LimitStores): OrgCreationLimit {
  const limiter = sharedLimiter(stores, {
    keyPrefix: 'org-create',
    points: ORG_CREATIONS_PER_HOUR,
    duration: 3600,
  });
  return {
    async take(userId) {
      const res = await consumePoint(limiter, userId, stores.logger);
      if (res && res.consumedPoints > ORG_CREATIONS_PER_HOUR) {
        throw rateLimited(res.msBeforeNext, 'You created several organizations within the hour; try again later');
      }
    },
  };
}
