import { queryOptions } from '@tanstack/react-query';
import { OrgAdminsResponseSchema } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { accessRequestsKeys } from './access-requests-keys.ts';

export function fetchOrgAdmins(orgId: string, signal?: AbortSignal) {
  return apiRequest(`/api/orgs/${encodeURIComponent(orgId)}/admins`, { schema: OrgAdminsResponseSchema, signal });
}

/** Whom to ask for access: the org's admins by name. Rarely changes, so it is kept a while. */
export function orgAdminsQueryOptions(orgId: string) {
  return queryOptions({
    queryKey: accessRequestsKeys.admins(orgId),
    queryFn: ({ signal }) => fetchOrgAdmins(orgId, signal),
    staleTime: 5 * 60_000,
  });
}
