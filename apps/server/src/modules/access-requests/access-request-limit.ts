import { ACCESS_REQUEST_WINDOW_SECONDS, type AccessRequestPage } from '@roster/contracts';
import { consumePoint, rateLimited, sharedLimiter, type LimitStores } from '../../auth/shared-limiter.ts';

/** What one access request is about: the same person, org and page (and workspace) count together. */
export interface AccessRequestKey {
  userId: string;
  orgId: string;
  page: AccessRequestPage;
  workspaceId?: string | undefined;
}

/** One access request per person, org and page an hour, so admins' inboxes are not flooded. */
export interface AccessRequestLimit {
  /** Counts the request; RATE_LIMITED with Retry-After when one was already sent this hour. */
  take(key: AccessRequestKey): Promise<void>;
  /** Gives the point back when the request was not sent after all (refused, busy). */
  refund(key: AccessRequestKey): Promise<void>;
}

/**
 * Counted where every server process sees it (Redis or the database, as the sign-in limits
 * are), so asking through another process does not get a second mail out.
 */
export function createAccessRequestLimit(stores: LimitStores): AccessRequestLimit {
  const limiter = sharedLimiter(stores, {
    keyPrefix: 'access-request',
    points: 1,
    duration: ACCESS_REQUEST_WINDOW_SECONDS,
  });
  const keyOf = (k: AccessRequestKey) => [k.orgId, k.userId, k.page, k.workspaceId ?? ''].join(':');
  return {
    async take(key) {
      const res = await consumePoint(limiter, keyOf(key), stores.logger);
      if (res && res.consumedPoints > 1) {
        throw rateLimited(res.msBeforeNext, 'You already asked for access to this page within the last hour');
      }
    },
    async refund(key) {
      await limiter.delete(keyOf(key)).catch((error: unknown) => {
        stores.logger.error('could not give back an access request', { error: String(error) });
      });
    },
  };
}
