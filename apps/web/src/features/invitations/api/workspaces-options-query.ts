import { queryOptions } from '@tanstack/react-query';
import { ListWorkspacesResponseSchema } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { invitationsKeys } from './invitations-keys.ts';

export function fetchWorkspaceOptions(orgId: string, signal?: AbortSignal) {
  return apiRequest(`/api/orgs/${encodeURIComponent(orgId)}/workspaces`, {
    schema: ListWorkspacesResponseSchema,
    signal,
  });
}

/** The org's workspaces, as grants an invitation can carry (id and name are all the drawer needs). */
export function workspaceOptionsQueryOptions(orgId: string) {
  return queryOptions({
    queryKey: invitationsKeys.workspaces(orgId),
    queryFn: ({ signal }) => fetchWorkspaceOptions(orgId, signal),
    select: (data) => data.items.map(({ id, name }) => ({ id, name })),
    staleTime: 60_000,
  });
}
