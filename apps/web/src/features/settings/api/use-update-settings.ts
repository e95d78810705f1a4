import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  OrgSettingsResponseSchema,
  SettingsConflictDetailsSchema,
  type OrgSettingsResponse,
  type UpdateOrgSettings,
} from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { isApiError } from '../../../lib/api-error.ts';
import { settingsKeys } from './settings-keys.ts';

export function updateSettings(orgId: string, body: UpdateOrgSettings) {
  return apiRequest(`/api/orgs/${encodeURIComponent(orgId)}/settings`, {
    method: 'PATCH',
    body,
    schema: OrgSettingsResponseSchema,
  });
}

/** The settings as they are now, and who last changed them, from a `VERSION_CONFLICT`'s details. */
export function conflictSettings(error: unknown): OrgSettingsResponse | null {
  if (!isApiError(error, 'VERSION_CONFLICT')) return null;
  const parsed = SettingsConflictDetailsSchema.safeParse(error.details);
  if (!parsed.success) return null;
  const { current, changedBy } = parsed.data;
  return changedBy ? { ...current, changedBy } : current;
}

/**
 * Saves only the fields given, with the version they were read at: a change made meanwhile is
 * refused, and the values as they are now replace the cache (the form lays its edits onto them).
 */
export function useUpdateSettings(orgId: string) {
  const queryClient = useQueryClient();
  // `/api/me` carries the settings too: the `settings.updated` event that follows patches it.
  const write = (next: OrgSettingsResponse) =>
    queryClient.setQueryData<OrgSettingsResponse>(settingsKeys.org(orgId), (current) =>
      current && current.version >= next.version ? current : next,
    );
  return useMutation({
    mutationFn: (body: UpdateOrgSettings) => updateSettings(orgId, body),
    onSuccess: write,
    onError: (error) => {
      const current = conflictSettings(error);
      if (current) write(current);
    },
  });
}
