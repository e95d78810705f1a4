import { queryOptions } from '@tanstack/react-query';
import { ListWorkspacesResponseSchema } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { inviteRequestsKeys } from './invite-requests-keys.ts';

/** The org's workspaces an approval may grant (id and name). */
export function requestWorkspacesQueryOptions(orgId: string) {
  return queryOptions({
    queryKey: inviteRequestsKeys.workspaces(orgId),
    queryFn: ({ signal }) =>
      apiRequest(`/api/orgs/${encodeURIComponent(orgId)}/workspaces`, { schema: ListWorkspacesResponseSchema, signal }),
    select: (data) => data.items.map(({ id, name }) => ({ id, name })),
    staleTime: 60_000,
  });
}
