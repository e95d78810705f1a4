import { useMutation, useQueryClient } from '@tanstack/react-query';
import { OrgDomainResponseSchema, type AddOrgDomain } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { domainsPath } from './domains-keys.ts';
import { writeDomain } from './write-domain.ts';

export async function addDomain(orgId: string, body: AddOrgDomain) {
  return (await apiRequest(domainsPath(orgId), { method: 'POST', body, schema: OrgDomainResponseSchema })).domain;
}

/** Adds a domain, pending until someone opens the link mailed to `verifyEmail`. */
export function useAddDomain(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddOrgDomain) => addDomain(orgId, body),
    onSuccess: (domain) => writeDomain(queryClient, orgId, domain),
  });
}
