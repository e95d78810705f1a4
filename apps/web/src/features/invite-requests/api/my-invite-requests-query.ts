import { queryOptions } from '@tanstack/react-query';
import { ListMyInviteRequestsResponseSchema } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { inviteRequestsKeys } from './invite-requests-keys.ts';

/** Your own requests in one org; `invite_request.decided` events update them live. */
export function myInviteRequestsQueryOptions(orgId: string) {
  return queryOptions({
    queryKey: inviteRequestsKeys.mineIn(orgId),
    queryFn: ({ signal }) =>
      apiRequest(`/api/me/invite-requests?orgId=${encodeURIComponent(orgId)}`, {
        schema: ListMyInviteRequestsResponseSchema,
        signal,
      }),
    staleTime: 5 * 60_000,
  });
}
