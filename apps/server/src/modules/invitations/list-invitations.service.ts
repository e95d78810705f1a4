import type { ListInvitationsResponse } from '@roster/contracts';
import type { SessionUser } from '../../auth/auth.ts';
import type { MutationDeps } from '../../mutation/run-mutation.ts';
import { assertCanManageMembers } from '../members/members.policy.ts';
import { readOrgAccess } from '../orgs/org-access.repository.ts';
import { countSeatsUsed } from './invitation-lookups.repository.ts';
import { listInvitations, type InvitationFilters } from './invitations.repository.ts';

/** R1: admins only. Requests, live and expired invitations, with the seats they take (R5). */
export async function listOrgInvitations(
  deps: MutationDeps,
  user: SessionUser,
  orgId: string,
  filters: InvitationFilters,
): Promise<ListInvitationsResponse> {
  // The seq is read before the rows: a change after it is replayed by sync, and replaying a
  // change the rows already show is harmless (clients ignore versions they have).
  const access = await readOrgAccess(deps.db, orgId, user.id);
  assertCanManageMembers(access?.role ?? null);
  const now = deps.clock.now();
  const page = await listInvitations(deps.db, orgId, filters, now);
  const used = await countSeatsUsed(deps.db, orgId, now);
  return { ...page, seq: access!.eventSeq, seats: { used, limit: access!.settings.memberCap } };
}
