import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AcceptInvitationResponseSchema } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { inviteeKeys, meKey } from './invitee-keys.ts';

const path = (token: string, verb: 'accept' | 'decline') => `/api/invitations/${encodeURIComponent(token)}/${verb}`;

export const acceptLinkInvitation = (token: string) =>
  apiRequest(path(token, 'accept'), { method: 'POST', body: {}, schema: AcceptInvitationResponseSchema });

export const declineLinkInvitation = (token: string) =>
  apiRequest(path(token, 'decline'), { method: 'POST', body: {} });

/** Accepts the link's invitation, then loads your orgs again so the new one is there to open. */
export function useAcceptLinkInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => acceptLinkInvitation(token),
    onSuccess: async () => {
      void queryClient.invalidateQueries({ queryKey: inviteeKeys.mine });
      await queryClient.invalidateQueries({ queryKey: meKey, exact: true, refetchType: 'all' });
    },
  });
}

export function useDeclineLinkInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => declineLinkInvitation(token),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: inviteeKeys.mine });
      void queryClient.invalidateQueries({ queryKey: inviteeKeys.link(token) });
    },
  });
}
