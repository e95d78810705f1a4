import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ChangePasswordSchema } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { accountKeys } from './account-keys.ts';

/** Changes the password and signs every other device out. */
export function changePassword(input: { currentPassword: string; newPassword: string }) {
  return apiRequest('/api/auth/change-password', {
    method: 'POST',
    body: ChangePasswordSchema.parse({ ...input, revokeOtherSessions: true }),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: accountKeys.sessions }),
  });
}
