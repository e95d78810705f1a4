import { queryOptions } from '@tanstack/react-query';
import { ListMembersResponseSchema } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { workspacesKeys } from './workspaces-keys.ts';

/** People of the org whose name or email contains `q`: the members list, first page only. */
export function fetchOrgPeople(orgId: string, q: string, signal?: AbortSignal) {
  const search = new URLSearchParams({ q, sort: 'name', order: 'asc', limit: '8' });
  return apiRequest(`/api/orgs/${encodeURIComponent(orgId)}/members?${search}`, {
    schema: ListMembersResponseSchema,
    signal,
  });
}

export function orgPeopleQueryOptions(orgId: string, q: string) {
  return queryOptions({
    queryKey: workspacesKeys.people(orgId, q),
    queryFn: ({ signal }) => fetchOrgPeople(orgId, q, signal),
    enabled: q.length > 0,
    staleTime: 10_000,
  });
}
