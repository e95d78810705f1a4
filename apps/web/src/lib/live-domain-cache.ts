import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { ListOrgDomainsResponse, OrgDomain, OrgEvent } from '@roster/contracts';

/** Where the org's domains list lives in the cache, handed in by the app so lib never imports a feature. */
export interface DomainsCache {
  domainsKey: (orgId: string) => QueryKey;
  /** The orgs your address lets you join (`GET /api/me/suggested-orgs`). */
  suggestedKey: QueryKey;
}

type DomainEvent = Extract<OrgEvent, { type: `domain.${string}` }>;

const isDomainEvent = (event: OrgEvent): event is DomainEvent => event.type.startsWith('domain.');

/**
 * Patches the admins' domains list from `domain.*` events: each carries the whole domain, so an
 * added one is appended, a verified or updated one replaced unless the cache is newer, a removed
 * one dropped. Lists never loaded stay unloaded.
 */
export function applyDomainEvents(queryClient: QueryClient, cache: DomainsCache, events: OrgEvent[]) {
  for (const event of events.filter(isDomainEvent).sort((a, b) => a.seq - b.seq)) {
    const { domain } = event.data;
    queryClient.setQueryData<ListOrgDomainsResponse>(cache.domainsKey(event.orgId), (data) => {
      if (!data) return data;
      if (event.type === 'domain.removed') return withoutDomain(data, domain.id);
      return withDomain(data, domain);
    });
  }
}

/** The list with `domain` in it: appended when new, replaced only by a newer version. */
export function withDomain(data: ListOrgDomainsResponse, domain: OrgDomain): ListOrgDomainsResponse {
  const known = data.items.find((d) => d.id === domain.id);
  if (!known) return { ...data, items: [...data.items, domain] };
  if (known.version >= domain.version) return data;
  return { ...data, items: data.items.map((d) => (d.id === domain.id ? domain : d)) };
}

export function withoutDomain(data: ListOrgDomainsResponse, domainId: string): ListOrgDomainsResponse {
  return { ...data, items: data.items.filter((d) => d.id !== domainId) };
}
