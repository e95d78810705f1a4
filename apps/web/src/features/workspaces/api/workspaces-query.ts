import { queryOptions } from '@tanstack/react-query';
import { ListWorkspacesResponseSchema } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { workspacesKeys } from './workspaces-keys.ts';

export function fetchWorkspaces(orgId: string, signal?: AbortSignal) {
  return apiRequest(`/api/orgs/${encodeURIComponent(orgId)}/workspaces`, {
    schema: ListWorkspacesResponseSchema,
    signal,
  });
}

/** Every workspace for admins, your own for everyone else; `workspace.*` events keep it current. */
export function workspacesQueryOptions(orgId: string) {
  return queryOptions({
    queryKey: workspacesKeys.list(orgId),
    queryFn: ({ signal }) => fetchWorkspaces(orgId, signal),
    staleTime: 60_000,
  });
}
