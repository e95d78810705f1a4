import { queryOptions } from '@tanstack/react-query';
import { ListSuggestedOrgsResponseSchema } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { domainsKeys } from './domains-keys.ts';

export function fetchSuggestedOrgs(signal?: AbortSignal) {
  return apiRequest('/api/me/suggested-orgs', { schema: ListSuggestedOrgsResponseSchema, signal });
}

/** Orgs your verified address lets you join or ask to join; read again after each join. */
export function suggestedOrgsQueryOptions() {
  return queryOptions({
    queryKey: domainsKeys.suggested,
    queryFn: ({ signal }) => fetchSuggestedOrgs(signal),
    staleTime: 60_000,
  });
}
