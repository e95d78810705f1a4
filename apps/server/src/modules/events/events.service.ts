import { SYNC_WINDOW, type OrgEvent } from '@roster/contracts';
import type { SessionUser } from '../../auth/auth.ts';
import type { Db } from '../../db/connect.ts';
import { DomainError } from '../../lib/domain-error.ts';
import { assertCanManageMembers } from '../members/members.policy.ts';
import { readOrgAccess } from '../orgs/org-access.repository.ts';
import { assertTwoFactorSatisfied } from '../orgs/two-factor-requirement.ts';
import { eventsSince } from './events.repository.ts';

export type CatchUp = { events: OrgEvent[]; headSeq: number } | { reset: true; headSeq: number };

/**
 * What a client missed since `since`. Past the sync window, from a future it cannot have seen,
 * or across entries the audit retention deleted, refetching is surer than replaying, so the
 * client is told to reset.
 */
export async function catchUp(db: Db, user: SessionUser, orgId: string, since: number): Promise<CatchUp> {
  const access = await readOrgAccess(db, orgId, user.id);
  assertCanManageMembers(access?.role ?? null);
  await assertTwoFactorSatisfied(db, orgId, user.id);
  const headSeq = access!.eventSeq;
  if (since > headSeq || headSeq - since > SYNC_WINDOW) return { reset: true, headSeq };
  const events = since === headSeq ? [] : await eventsSince(db, orgId, since);
  // Audit retention may have deleted what the client missed: a replay with a hole is a reset.
  if (events.length > 0 && events[0]!.seq !== since + 1) return { reset: true, headSeq };
  // Events committed after the head was read are included: the client skips nothing by it.
  return { events, headSeq: Math.max(headSeq, events.at(-1)?.seq ?? 0) };
}

/** The HTTP twin answers a reset as 410. */
export async function listEvents(db: Db, user: SessionUser, orgId: string, since: number) {
  const result = await catchUp(db, user, orgId, since);
  if ('reset' in result) {
    throw new DomainError('SYNC_WINDOW_EXCEEDED', 'Those events are no longer replayed; reload the list', {
      headSeq: result.headSeq,
    });
  }
  return result;
}
