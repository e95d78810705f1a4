import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export function signOut() {
  return apiRequest('/api/auth/sign-out', { method: 'POST', body: {} });
}

/** Signs out and forgets every cached answer, so the next person never sees the last one's data. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => queryClient.clear(),
  });
}
