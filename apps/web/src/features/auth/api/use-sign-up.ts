import { useMutation } from '@tanstack/react-query';
import { SignUpSchema } from '@roster/contracts';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client.ts';

export type SignUpInput = z.input<typeof SignUpSchema>;

/**
 * Creates an unverified account and mails a link (R18). The answer is the same whether the
 * address is new or not, and nobody is signed in until the link is followed.
 */
export function signUp(input: SignUpInput) {
  return apiRequest('/api/auth/sign-up/email', { method: 'POST', body: SignUpSchema.parse(input) });
}

export function useSignUp() {
  return useMutation({ mutationFn: signUp });
}
