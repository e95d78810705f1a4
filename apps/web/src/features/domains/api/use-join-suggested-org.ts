import { useMutation, useQueryClient } from '@tanstack/react-query';
import { JoinSuggestedOrgResponseSchema, type ListSuggestedOrgsResponse, type SuggestedOrg } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { isApiError } from '../../../lib/api-error.ts';
import { toast } from '../../../components/ui/toast-store.ts';
import { meQueryOptions } from '../../auth/api/me-query.ts';
import { joinErrorCopy } from '../utils/domain-error-copy.ts';
import { domainsKeys } from './domains-keys.ts';

export function joinSuggestedOrg(orgId: string) {
  return apiRequest(`/api/me/suggested-orgs/${encodeURIComponent(orgId)}/join`, {
    method: 'POST',
    body: {},
    schema: JoinSuggestedOrgResponseSchema,
  });
}

/**
 * One click on a suggested org: joined at once (suggest), or a request the admins decide on
 * (request). On joining, `/api/me` is read again before `onJoined`, so the org's pages find it.
 */
export function useJoinSuggestedOrg(onJoined: (orgId: string, orgName: string) => void) {
  const queryClient = useQueryClient();
  const markRequested = (orgId: string) =>
    queryClient.setQueryData<ListSuggestedOrgsResponse>(domainsKeys.suggested, (data) =>
      data ? { ...data, items: data.items.map((o) => (o.orgId === orgId ? { ...o, requested: true } : o)) } : data,
    );
  return useMutation({
    mutationFn: (suggestion: SuggestedOrg) => joinSuggestedOrg(suggestion.orgId),
    onSuccess: async (answer, suggestion) => {
      if (answer.outcome === 'requested') {
        markRequested(suggestion.orgId);
        toast({
          tone: 'success',
          title: `Asked to join ${suggestion.orgName}`,
          description: 'Its admins decide; you’ll hear back here and by mail.',
        });
        return;
      }
      await queryClient.fetchQuery({ ...meQueryOptions(), staleTime: 0 });
      void queryClient.invalidateQueries({ queryKey: domainsKeys.suggested });
      toast({ tone: 'success', title: `You joined ${suggestion.orgName}` });
      onJoined(answer.orgId, suggestion.orgName);
    },
    onError: (error, suggestion) => {
      toast({ tone: 'error', ...joinErrorCopy(error, suggestion.orgName) });
      // The offer changed meanwhile (domain removed, mode switched, already in): show what is there now.
      if (isApiError(error) && error.status >= 400 && error.status < 500)
        void queryClient.invalidateQueries({ queryKey: domainsKeys.suggested });
    },
  });
}
