import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SignUpSchema } from '@roster/contracts';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client.ts';
import { meQueryOptions } from './me-query.ts';

export type SignUpInput = z.input<typeof SignUpSchema>;

export function signUp(input: SignUpInput) {
  // Signs up and signs in at once (the session cookie comes with the answer).
  return apiRequest('/api/auth/sign-up/email', { method: 'POST', body: SignUpSchema.parse(input) });
}

/** Creates the account, then loads who we are, so the page it returns to renders at once (R8). */
export function useSignUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signUp,
    onSuccess: async () => {
      queryClient.removeQueries();
      await queryClient.fetchQuery(meQueryOptions());
    },
  });
}
