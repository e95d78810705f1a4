import { queryOptions } from '@tanstack/react-query';
import { OrgSettingsResponseSchema } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { settingsKeys } from './settings-keys.ts';

export function fetchSettings(orgId: string, signal?: AbortSignal) {
  return apiRequest(`/api/orgs/${encodeURIComponent(orgId)}/settings`, { schema: OrgSettingsResponseSchema, signal });
}

/** The org's settings with their version; `settings.updated` events keep them current. */
export function settingsQueryOptions(orgId: string) {
  return queryOptions({
    queryKey: settingsKeys.org(orgId),
    queryFn: ({ signal }) => fetchSettings(orgId, signal),
    staleTime: 5 * 60_000,
  });
}
