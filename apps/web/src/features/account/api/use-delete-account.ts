import { useMutation } from '@tanstack/react-query';
import { DeleteAccountSchema } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';

/** Deletes the account and signs it out everywhere; refused while an org still needs you. */
export function deleteAccount(password: string) {
  return apiRequest('/api/me/delete', { method: 'POST', body: DeleteAccountSchema.parse({ password }) });
}

export function useDeleteAccount() {
  return useMutation({ mutationFn: deleteAccount });
}
