import { SyncRequestSchema, type SyncAck } from '@roster/contracts';
import type { SessionUser } from '../auth/auth.ts';
import type { Db } from '../db/connect.ts';
import { DomainError } from '../lib/domain-error.ts';
import type { Logger } from '../lib/logger.ts';
import type { CoalescedCatchUp } from '../modules/events/coalesced-catch-up.ts';
import { catchUp } from '../modules/events/events.service.ts';

/**
 * The answer to a socket's `roster:sync { orgId, since }`: the events after `since`, or why not.
 * With `coalesced`, from its batches and the event tail; without, one read of its own.
 */
export async function answerSync(
  db: Db,
  logger: Logger,
  user: SessionUser,
  payload: unknown,
  coalesced?: CoalescedCatchUp,
): Promise<SyncAck> {
  const parsed = SyncRequestSchema.safeParse(payload);
  if (!parsed.success) return { error: { code: 'VALIDATION_FAILED', message: 'Send { orgId, since }' } };
  try {
    const { orgId, since } = parsed.data;
    return await (coalesced ? coalesced.catchUp(user, orgId, since) : catchUp(db, user, orgId, since));
  } catch (error) {
    if (error instanceof DomainError) return { error: { code: error.code, message: error.message } };
    logger.error('sync failed', { error: String(error) });
    return { error: { code: 'INTERNAL', message: 'Sync failed; try again' } };
  }
}
