import { useMutation } from '@tanstack/react-query';
import { ChangeEmailSchema } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';

/** Where the confirmation link sent to the new address lands. */
export const EMAIL_CHANGED_CALLBACK = '/account?email-changed=1';

/** Mails a link to the new address; nothing changes until it is followed. */
export function changeEmail(newEmail: string) {
  return apiRequest('/api/auth/change-email', {
    method: 'POST',
    body: ChangeEmailSchema.parse({ newEmail, callbackURL: EMAIL_CHANGED_CALLBACK }),
  });
}

export function useChangeEmail() {
  return useMutation({ mutationFn: changeEmail });
}
