import { useMutation, useQueryClient } from '@tanstack/react-query';
import { InvitationSchema, type Invitation } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { isApiError } from '../../../lib/api-error.ts';
import { toast } from '../../../components/ui/toast-store.ts';
import { conflictInvitation, invitationErrorCopy, type InvitationAction } from '../utils/invitation-error-copy.ts';
import { invitationsKeys } from './invitations-keys.ts';
import { writeInvitationAnswer } from './write-invitation.ts';

/**
 * What resend, renew, revoke and edit share: send the version the admin saw, patch the answer
 * (or, on a conflict, the row as it is now) into the cached lists, and explain any refusal.
 */
export function useInvitationMutation<V extends { invitation: Invitation }>(
  orgId: string,
  action: InvitationAction,
  send: (vars: V) => Promise<Invitation>,
  onDone?: (updated: Invitation, vars: V) => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (updated, vars) => {
      writeInvitationAnswer(queryClient, orgId, updated);
      onDone?.(updated, vars);
    },
    onError: (error, { invitation }) => {
      const current = conflictInvitation(error);
      if (current) writeInvitationAnswer(queryClient, orgId, current);
      if (isApiError(error, 'NOT_FOUND') || isApiError(error, 'ALREADY_DECIDED'))
        void queryClient.invalidateQueries({ queryKey: invitationsKeys.lists(orgId) });
      toast({
        tone: isApiError(error, 'VERSION_CONFLICT') || isApiError(error, 'RATE_LIMITED') ? 'warning' : 'error',
        ...invitationErrorCopy(error, action, invitation),
      });
    },
  });
}

export function postInvitation(orgId: string, id: string, verb: string, body: unknown) {
  return apiRequest(`/api/orgs/${encodeURIComponent(orgId)}/invitations/${encodeURIComponent(id)}/${verb}`, {
    method: 'POST',
    body,
    schema: InvitationSchema,
  });
}
