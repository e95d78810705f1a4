import type { QueryClient } from '@tanstack/react-query';
import type { ListOrgDomainsResponse, OrgDomain } from '@roster/contracts';
import { withDomain, withoutDomain } from '../../../lib/live-domain-cache.ts';
import { domainsKeys } from './domains-keys.ts';

/** Puts a domain the server just answered with into the org's cached list, as its event would. */
export function writeDomain(queryClient: QueryClient, orgId: string, domain: OrgDomain) {
  queryClient.setQueryData<ListOrgDomainsResponse>(domainsKeys.org(orgId), (data) =>
    data ? withDomain(data, domain) : data,
  );
}

/** Takes a removed domain out of the org's cached list. */
export function dropDomain(queryClient: QueryClient, orgId: string, domainId: string) {
  queryClient.setQueryData<ListOrgDomainsResponse>(domainsKeys.org(orgId), (data) =>
    data ? withoutDomain(data, domainId) : data,
  );
}
