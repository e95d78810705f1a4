import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { isApiError } from '../../../lib/api-error.ts';
import { domainsPath } from './domains-keys.ts';
import { dropDomain } from './write-domain.ts';

export function removeDomain(orgId: string, domainId: string) {
  return apiRequest(domainsPath(orgId, domainId), { method: 'DELETE' });
}

/** Removes a domain (204); one already gone is gone from the list too. */
export function useRemoveDomain(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (domainId: string) => removeDomain(orgId, domainId),
    onSuccess: (_answer, domainId) => dropDomain(queryClient, orgId, domainId),
    onError: (error, domainId) => {
      if (isApiError(error, 'NOT_FOUND')) dropDomain(queryClient, orgId, domainId);
    },
  });
}
