import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { OrgDetailResponseSchema, OrgResponseSchema, type TransferOrg } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { meKeys, meQueryOptions } from '../../auth/api/me-query.ts';
import { orgKeys } from './orgs-keys.ts';

const orgUrl = (orgId: string, action = '') => `/api/orgs/${encodeURIComponent(orgId)}${action}`;

/**
 * What a page shows of the org comes from /api/me (status, creator) and the org's own query:
 * both are read fresh before the mutation counts as done, so the page never shows the old state.
 */
async function refreshOrg(queryClient: QueryClient, orgId: string) {
  await Promise.all([
    queryClient.fetchQuery({ ...meQueryOptions(), staleTime: 0 }),
    queryClient.invalidateQueries({ queryKey: orgKeys.org(orgId) }),
  ]);
}

/** The creator deletes the org, typing its name; it waits for its purge, restorable. */
export function useDeleteOrg(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (confirm: string) =>
      (await apiRequest(orgUrl(orgId), { method: 'DELETE', body: { confirm }, schema: OrgDetailResponseSchema })).org,
    onSuccess: () => refreshOrg(queryClient, orgId),
  });
}

/** The creator brings a deleted org back before its purge. */
export function useRestoreOrg(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      (await apiRequest(orgUrl(orgId, '/restore'), { method: 'POST', schema: OrgDetailResponseSchema })).org,
    onSuccess: () => refreshOrg(queryClient, orgId),
  });
}

/** The creator hands the creator role to another admin, at the org's version. */
export function useTransferOrg(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: TransferOrg) =>
      (await apiRequest(orgUrl(orgId, '/transfer'), { method: 'POST', body, schema: OrgResponseSchema })).org,
    // A refusal may come from an org that changed meanwhile (a conflict): read it again either way.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: orgKeys.org(orgId) });
      void queryClient.invalidateQueries({ queryKey: meKeys.me });
    },
  });
}
