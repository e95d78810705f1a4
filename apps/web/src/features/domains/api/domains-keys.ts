/** An org's domains sit under `['domains', orgId]`; your own join suggestions under `['suggested-orgs']`. */
export const domainsKeys = {
  all: ['domains'] as const,
  org: (orgId: string) => ['domains', orgId] as const,
  suggested: ['suggested-orgs'] as const,
};

export const domainsPath = (orgId: string, domainId?: string) =>
  `/api/orgs/${encodeURIComponent(orgId)}/domains${domainId === undefined ? '' : `/${encodeURIComponent(domainId)}`}`;
