import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SignInSchema } from '@roster/contracts';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client.ts';
import { meQueryOptions } from './me-query.ts';

export type SignInInput = z.input<typeof SignInSchema>;

export function signIn(input: SignInInput) {
  // The body is the auth library's own shape; all we need from it is the session cookie.
  return apiRequest('/api/auth/sign-in/email', { method: 'POST', body: SignInSchema.parse(input) });
}

/** Signs in, then loads who we are before anyone navigates, so the next page renders at once. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: async () => {
      queryClient.removeQueries();
      await queryClient.fetchQuery(meQueryOptions());
    },
  });
}
