import { useMutation, useQueryClient } from '@tanstack/react-query';
import { OrgResponseSchema, type CreateOrg } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { meQueryOptions } from '../../auth/api/me-query.ts';

export function useCreateOrg() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateOrg) =>
      (await apiRequest('/api/orgs', { method: 'POST', body, schema: OrgResponseSchema })).org,
    // The new org's pages look themselves up in /api/me: it must list the org before they open.
    onSuccess: () => queryClient.fetchQuery({ ...meQueryOptions(), staleTime: 0 }),
  });
}
