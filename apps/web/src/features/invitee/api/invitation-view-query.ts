import { queryOptions } from '@tanstack/react-query';
import { PublicInvitationSchema } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { inviteeKeys } from './invitee-keys.ts';

export function getInvitationView(token: string, signal?: AbortSignal) {
  return apiRequest(`/api/invitations/${encodeURIComponent(token)}`, { schema: PublicInvitationSchema, signal });
}

/** The public page of a link: org, inviter, role, status, and whether you are the one invited. */
export function invitationViewQueryOptions(token: string) {
  return queryOptions({
    queryKey: inviteeKeys.link(token),
    queryFn: ({ signal }) => getInvitationView(token, signal),
    staleTime: 0,
  });
}
