import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AcceptInvitationResponseSchema, type ListMyInvitationsResponse, type MyInvitation } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { isApiError } from '../../../lib/api-error.ts';
import { toast } from '../../../components/ui/toast-store.ts';
import { inviteeErrorCopy } from '../utils/invitee-error-copy.ts';
import { inviteeKeys, meKey } from './invitee-keys.ts';

const path = (id: string, verb: 'accept' | 'decline') => `/api/me/invitations/${encodeURIComponent(id)}/${verb}`;

export const acceptMyInvitation = (id: string) =>
  apiRequest(path(id, 'accept'), { method: 'POST', body: {}, schema: AcceptInvitationResponseSchema });

export const declineMyInvitation = (id: string) => apiRequest(path(id, 'decline'), { method: 'POST', body: {} });

export type Decision = 'accept' | 'decline';

/**
 * Accept or decline from the inbox. Either way the entry leaves it; an entry that is no longer
 * open (revoked, expired meanwhile) leaves too, with the reason.
 */
export function useDecideMyInvitation(onAccepted?: (orgId: string, invitation: MyInvitation) => void) {
  const queryClient = useQueryClient();
  const drop = (id: string) =>
    queryClient.setQueryData<ListMyInvitationsResponse>(inviteeKeys.mine, (data) =>
      data ? { ...data, items: data.items.filter((i) => i.id !== id) } : data,
    );
  return useMutation({
    mutationFn: async ({ invitation, decision }: { invitation: MyInvitation; decision: Decision }) =>
      decision === 'accept' ? acceptMyInvitation(invitation.id) : declineMyInvitation(invitation.id),
    onSuccess: async (answer, { invitation, decision }) => {
      drop(invitation.id);
      if (decision === 'decline') {
        toast({ tone: 'info', title: `Declined the invitation to ${invitation.orgName}` });
        return;
      }
      await queryClient.invalidateQueries({ queryKey: meKey, exact: true, refetchType: 'all' });
      toast({ tone: 'success', title: `You joined ${invitation.orgName}` });
      if (answer) onAccepted?.(answer.orgId, invitation);
    },
    onError: (error, { invitation }) => {
      if (!isApiError(error) || error.status >= 500 || error.status === 0) {
        toast({ tone: 'error', ...inviteeErrorCopy(error, invitation.orgName) });
        return;
      }
      drop(invitation.id);
      toast({ tone: 'warning', ...inviteeErrorCopy(error, invitation.orgName) });
    },
  });
}
