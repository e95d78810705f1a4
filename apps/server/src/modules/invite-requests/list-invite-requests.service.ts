import type { Invitation, InviteRequest, ListInviteRequestsResponse, MyInviteRequest } from '@roster/contracts';
import type { SessionUser } from '../../auth/auth.ts';
import type { MutationDeps } from '../../mutation/run-mutation.ts';
import { assertCanManageMembers } from '../members/members.policy.ts';
import { readOrgAccess } from '../orgs/org-access.repository.ts';
import { countSeatsUsed } from '../invitations/invitation-lookups.repository.ts';
import { listInvitations } from '../invitations/invitations.repository.ts';
import { countWaitingRequests, myInviteRequests } from './invite-requests.repository.ts';

/** R1: admins only. Requests waiting for a decision, newest first, with the seats in use (R5). */
export async function listOrgInviteRequests(
  deps: MutationDeps,
  user: SessionUser,
  orgId: string,
  page: { cursor?: string | undefined; limit: number },
): Promise<ListInviteRequestsResponse> {
  // The seq is read before the rows: a change after it is replayed by sync, and replaying a
  // change the rows already show is harmless (clients ignore versions they have).
  const access = await readOrgAccess(deps.db, orgId, user.id);
  assertCanManageMembers(access?.role ?? null);
  const now = deps.clock.now();
  const { items, nextCursor } = await listInvitations(deps.db, orgId, { ...page, status: 'requested' }, now);
  const used = await countSeatsUsed(deps.db, orgId, now);
  return {
    items: items.map(toInviteRequest),
    nextCursor,
    total: await countWaitingRequests(deps.db, orgId),
    seq: access!.eventSeq,
    seats: { used, limit: access!.settings.memberCap },
  };
}

/** The signed-in member's own requests, whatever became of them; nobody else's. */
export async function listMyInviteRequests(
  deps: MutationDeps,
  user: SessionUser,
  orgId: string | undefined,
): Promise<MyInviteRequest[]> {
  return myInviteRequests(deps.db, user.id, deps.clock.now(), { orgId });
}

function toInviteRequest(invitation: Invitation): InviteRequest {
  const { id, email, role, lite, workspaces, invitedBy, createdAt, version, lastChange } = invitation;
  return { id, email, role, lite, workspaces, requestedBy: invitedBy, createdAt, version, lastChange };
}
