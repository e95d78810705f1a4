import { useMutation } from '@tanstack/react-query';
import { OrgDomainResponseSchema } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { domainsPath } from './domains-keys.ts';

export async function verifyDomain(orgId: string, domainId: string, token: string) {
  const path = `${domainsPath(orgId, domainId)}/verify`;
  return (await apiRequest(path, { method: 'POST', body: { token }, schema: OrgDomainResponseSchema })).domain;
}

/** The mailed link's token proves the address; whoever holds it may verify, admin or not. */
export function useVerifyDomain() {
  return useMutation({
    mutationFn: ({ orgId, domainId, token }: { orgId: string; domainId: string; token: string }) =>
      verifyDomain(orgId, domainId, token),
  });
}
