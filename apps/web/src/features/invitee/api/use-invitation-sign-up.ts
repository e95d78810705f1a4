import { useMutation, useQueryClient } from '@tanstack/react-query';
import { InvitationSignUpSchema, type InvitationSignUp } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { inviteeKeys, meKey } from './invitee-keys.ts';

/**
 * Creates the account of the invited address, already verified (the link proves it) and signed
 * in; the page then shows the invitation to accept.
 */
export function signUpFromInvitation(token: string, input: InvitationSignUp) {
  return apiRequest(`/api/invitations/${encodeURIComponent(token)}/sign-up`, {
    method: 'POST',
    body: InvitationSignUpSchema.parse(input),
  });
}

export function useInvitationSignUp(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InvitationSignUp) => signUpFromInvitation(token, input),
    onSuccess: async () => {
      // A new session: anything cached about "who is signed in" is from before it.
      await queryClient.invalidateQueries({ queryKey: meKey });
      await queryClient.invalidateQueries({ queryKey: inviteeKeys.link(token) });
    },
  });
}
