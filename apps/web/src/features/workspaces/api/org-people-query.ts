import { queryOptions } from '@tanstack/react-query';
import { PEOPLE_SEARCH_MIN_QUERY, WorkspacePeopleResponseSchema } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { workspacesKeys } from './workspaces-keys.ts';

/**
 * People of the org whose name or email contains `q`, asked of the workspace: its owners may
 * search to add people even where the member directory is closed to them.
 */
export function fetchOrgPeople(orgId: string, workspaceId: string, q: string, signal?: AbortSignal) {
  const path = `/api/orgs/${encodeURIComponent(orgId)}/workspaces/${encodeURIComponent(workspaceId)}/people`;
  return apiRequest(`${path}?${new URLSearchParams({ q })}`, { schema: WorkspacePeopleResponseSchema, signal });
}

export function orgPeopleQueryOptions(orgId: string, workspaceId: string, q: string) {
  return queryOptions({
    queryKey: workspacesKeys.people(orgId, q, workspaceId),
    queryFn: ({ signal }) => fetchOrgPeople(orgId, workspaceId, q, signal),
    // Non-admins must type two characters (the search is no directory); one would only be refused.
    enabled: q.length >= PEOPLE_SEARCH_MIN_QUERY,
    staleTime: 10_000,
  });
}
