import { useMutation, useQueryClient } from '@tanstack/react-query';
import { RevokeOtherSessionsResponseSchema, type SessionsResponse } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { accountKeys } from './account-keys.ts';

export function revokeSession(id: string) {
  return apiRequest(`/api/me/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function revokeOtherSessions() {
  return apiRequest('/api/me/sessions/revoke-others', { method: 'POST', schema: RevokeOtherSessionsResponseSchema });
}

/** Signs one other device out; the row leaves the list at once. */
export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeSession,
    onSuccess: (_, id) => {
      queryClient.setQueryData<SessionsResponse>(accountKeys.sessions, (data) =>
        data ? { items: data.items.filter((s) => s.id !== id) } : data,
      );
      void queryClient.invalidateQueries({ queryKey: accountKeys.sessions });
    },
  });
}

/** Signs every device but this one out. */
export function useRevokeOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeOtherSessions,
    onSuccess: () => {
      queryClient.setQueryData<SessionsResponse>(accountKeys.sessions, (data) =>
        data ? { items: data.items.filter((s) => s.current) } : data,
      );
      void queryClient.invalidateQueries({ queryKey: accountKeys.sessions });
    },
  });
}
