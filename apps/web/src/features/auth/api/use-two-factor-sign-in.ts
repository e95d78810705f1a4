import { useMutation, useQueryClient } from '@tanstack/react-query';
import { TwoFactorCodeSchema } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { meQueryOptions } from './me-query.ts';

export interface TwoFactorSignInInput {
  /** `totp`: a code from the authenticator app; `backup`: one of the recovery codes. */
  method: 'totp' | 'backup';
  code: string;
  trustDevice?: boolean;
}

export function verifyTwoFactor({ method, code, trustDevice }: TwoFactorSignInInput) {
  const path = method === 'totp' ? 'verify-totp' : 'verify-backup-code';
  const body = method === 'totp' ? { code, trustDevice } : { code };
  return apiRequest(`/api/auth/two-factor/${path}`, { method: 'POST', body: TwoFactorCodeSchema.parse(body) });
}

/** The second sign-in step: the session cookie comes with the answer; then who we are is loaded. */
export function useTwoFactorSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifyTwoFactor,
    onSuccess: async () => {
      queryClient.removeQueries();
      await queryClient.fetchQuery(meQueryOptions());
    },
  });
}
