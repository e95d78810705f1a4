import { queryOptions } from '@tanstack/react-query';
import { ListOrgDomainsResponseSchema } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { domainsKeys, domainsPath } from './domains-keys.ts';

export function fetchOrgDomains(orgId: string, signal?: AbortSignal) {
  return apiRequest(domainsPath(orgId), { schema: ListOrgDomainsResponseSchema, signal });
}

/** The org's mail domains (admins); `domain.*` events keep the list current. */
export function orgDomainsQueryOptions(orgId: string) {
  return queryOptions({
    queryKey: domainsKeys.org(orgId),
    queryFn: ({ signal }) => fetchOrgDomains(orgId, signal),
    staleTime: 5 * 60_000,
  });
}
