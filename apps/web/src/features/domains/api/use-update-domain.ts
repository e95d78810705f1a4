import { useMutation, useQueryClient } from '@tanstack/react-query';
import { OrgDomainResponseSchema, OrgDomainSchema, type OrgDomain, type UpdateOrgDomain } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { isApiError } from '../../../lib/api-error.ts';
import { domainsKeys, domainsPath } from './domains-keys.ts';
import { writeDomain } from './write-domain.ts';

export async function updateDomain(orgId: string, domainId: string, body: UpdateOrgDomain) {
  const path = domainsPath(orgId, domainId);
  return (await apiRequest(path, { method: 'PATCH', body, schema: OrgDomainResponseSchema })).domain;
}

/**
 * Changes a domain's enrollment mode at the version it was read at. A change made meanwhile is
 * refused (`VERSION_CONFLICT`, naming the domain as it is now), and that replaces the cached one so
 * the admin chooses again on what is there.
 */
export function useUpdateDomain(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ domain, enrollment }: { domain: OrgDomain; enrollment: UpdateOrgDomain['enrollment'] }) =>
      updateDomain(orgId, domain.id, { enrollment, version: domain.version }),
    onSuccess: (domain) => writeDomain(queryClient, orgId, domain),
    onError: (error) => {
      const current = isApiError(error, 'VERSION_CONFLICT') && OrgDomainSchema.safeParse(error.details?.current);
      if (current && current.success) writeDomain(queryClient, orgId, current.data);
      else if (isApiError(error, 'VERSION_CONFLICT') || isApiError(error, 'NOT_FOUND'))
        void queryClient.invalidateQueries({ queryKey: domainsKeys.org(orgId) });
    },
  });
}
