import { queryOptions } from '@tanstack/react-query';
import { ListMyInvitationsResponseSchema } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { inviteeKeys } from './invitee-keys.ts';

export function getMyInvitations(signal?: AbortSignal) {
  return apiRequest('/api/me/invitations', { schema: ListMyInvitationsResponseSchema, signal });
}

/** Your pending invitations across orgs; `invitation.received` / `.withdrawn` keep it current. */
export function myInvitationsQueryOptions() {
  return queryOptions({
    queryKey: inviteeKeys.mine,
    queryFn: ({ signal }) => getMyInvitations(signal),
    staleTime: 5 * 60_000,
  });
}
