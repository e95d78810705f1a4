import { useMutation, useQueryClient } from '@tanstack/react-query';
import { OrgResponseSchema, type UpdateOrg } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { meKeys } from '../../auth/api/me-query.ts';
import { orgKeys } from './orgs-keys.ts';

export function useUpdateOrg(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: UpdateOrg) =>
      (
        await apiRequest(`/api/orgs/${encodeURIComponent(orgId)}`, {
          method: 'PATCH',
          body,
          schema: OrgResponseSchema,
        })
      ).org,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: orgKeys.org(orgId) });
      void queryClient.invalidateQueries({ queryKey: meKeys.me });
    },
  });
}
