import { useMutation, useQueryClient } from '@tanstack/react-query';
import { InvitationSchema, type InviteRequest } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { isApiError } from '../../../lib/api-error.ts';
import { dropRequest } from './drop-request.ts';
import { inviteRequestsKeys } from './invite-requests-keys.ts';

export function rejectRequest(orgId: string, id: string, body: { version: number; reason?: string }) {
  const path = `/api/orgs/${encodeURIComponent(orgId)}/invite-requests/${encodeURIComponent(id)}/reject`;
  return apiRequest(path, { method: 'POST', body, schema: InvitationSchema });
}

/** Rejects (terminal); the optional reason is shown to the member who asked. */
export function useRejectRequest(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ request, reason }: { request: InviteRequest; reason: string }) =>
      rejectRequest(orgId, request.id, {
        version: request.version,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      }),
    onSuccess: (_, { request }) => dropRequest(queryClient, orgId, request.id),
    onError: (error, { request }) => {
      if (isApiError(error, 'ALREADY_DECIDED') || isApiError(error, 'NOT_FOUND'))
        dropRequest(queryClient, orgId, request.id);
      if (isApiError(error, 'VERSION_CONFLICT'))
        void queryClient.invalidateQueries({ queryKey: inviteRequestsKeys.list(orgId) });
    },
  });
}
