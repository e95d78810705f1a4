import { useMutation } from '@tanstack/react-query';
import { RequestPasswordResetSchema, ResetPasswordSchema } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';

/** Where the mailed reset link lands (the server appends `?token=…` or `?error=…`). */
export const RESET_PASSWORD_PATH = '/reset-password';

/** Always 200, whether or not the address has an account. */
export function requestPasswordReset(email: string) {
  return apiRequest('/api/auth/request-password-reset', {
    method: 'POST',
    body: RequestPasswordResetSchema.parse({ email, redirectTo: RESET_PASSWORD_PATH }),
  });
}

/** Sets the new password; the server signs every session of the account out. */
export function resetPassword(input: { token: string; newPassword: string }) {
  return apiRequest('/api/auth/reset-password', { method: 'POST', body: ResetPasswordSchema.parse(input) });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}

export function useResetPassword() {
  return useMutation({ mutationFn: resetPassword });
}
