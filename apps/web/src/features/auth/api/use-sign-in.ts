import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SignInSchema, TwoFactorRedirectSchema } from '@roster/contracts';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client.ts';
import { meQueryOptions } from './me-query.ts';

export type SignInInput = z.input<typeof SignInSchema>;

// The body is the auth library's own shape; all we read is whether a second factor is owed.
const SignInAnswerSchema = z.union([TwoFactorRedirectSchema, z.looseObject({})]);

/** `{ twoFactor: true }`: the password was right and the account asks for a code next. */
export async function signIn(input: SignInInput): Promise<{ twoFactor: boolean }> {
  const answer = await apiRequest('/api/auth/sign-in/email', {
    method: 'POST',
    body: SignInSchema.parse(input),
    schema: SignInAnswerSchema,
  });
  return { twoFactor: 'twoFactorRedirect' in answer && answer.twoFactorRedirect === true };
}

/** Signs in, then loads who we are before anyone navigates, so the next page renders at once. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: async ({ twoFactor }) => {
      if (twoFactor) return;
      queryClient.removeQueries();
      await queryClient.fetchQuery(meQueryOptions());
    },
  });
}
