import { useMutation, useQueryClient } from '@tanstack/react-query';
import { InvitationSchema, type ApproveInviteRequest, type InviteRequest } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { isApiError } from '../../../lib/api-error.ts';
import { dropRequest } from './drop-request.ts';
import { inviteRequestsKeys } from './invite-requests-keys.ts';

export function approveRequest(orgId: string, id: string, body: ApproveInviteRequest) {
  const path = `/api/orgs/${encodeURIComponent(orgId)}/invite-requests/${encodeURIComponent(id)}/approve`;
  return apiRequest(path, { method: 'POST', body, schema: InvitationSchema });
}

export interface ApproveInput {
  request: InviteRequest;
  terms: Omit<ApproveInviteRequest, 'version'>;
}

/**
 * Approves with the version the admin saw. Decided elsewhere: the row leaves the list; changed
 * meanwhile: the list is read again, so the dialog's next try starts from the current terms.
 */
export function useApproveRequest(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ request, terms }: ApproveInput) =>
      approveRequest(orgId, request.id, { ...terms, version: request.version }),
    onSuccess: (_, { request }) => dropRequest(queryClient, orgId, request.id),
    onError: (error, { request }) => {
      if (isApiError(error, 'ALREADY_DECIDED') || isApiError(error, 'NOT_FOUND'))
        dropRequest(queryClient, orgId, request.id);
      if (isApiError(error, 'VERSION_CONFLICT'))
        void queryClient.invalidateQueries({ queryKey: inviteRequestsKeys.list(orgId) });
    },
  });
}
