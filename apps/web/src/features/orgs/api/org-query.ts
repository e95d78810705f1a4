import { queryOptions } from '@tanstack/react-query';
import { OrgDetailResponseSchema } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { orgKeys } from './orgs-keys.ts';

/** The org's name, slug and version (what a rename is sent at); refetched on live `org.*` news. */
export function orgQueryOptions(orgId: string) {
  return queryOptions({
    queryKey: orgKeys.org(orgId),
    queryFn: async ({ signal }) =>
      (
        await apiRequest(`/api/orgs/${encodeURIComponent(orgId)}`, {
          schema: OrgDetailResponseSchema,
          signal,
        })
      ).org,
  });
}
