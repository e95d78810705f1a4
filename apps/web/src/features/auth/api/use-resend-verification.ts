import { useMutation } from '@tanstack/react-query';
import { ResendVerificationSchema } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';

export interface ResendVerificationInput {
  email: string;
  callbackURL: string;
}

/** Mails a fresh verification link; always 200 (no enumeration), 429 past the limit. */
export function resendVerification(input: ResendVerificationInput) {
  return apiRequest('/api/auth/send-verification-email', {
    method: 'POST',
    body: ResendVerificationSchema.parse(input),
  });
}

export function useResendVerification() {
  return useMutation({ mutationFn: resendVerification });
}
