import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CreateInvitationsResponseSchema, IDEMPOTENCY_KEY_HEADER, type CreateInvitations } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { invitationsKeys } from './invitations-keys.ts';

export interface CreateInvitationsInput {
  body: CreateInvitations;
  /** One per submit attempt, reused when the same attempt is retried, so nobody is invited twice. */
  idempotencyKey: string;
}

export function createInvitations(orgId: string, { body, idempotencyKey }: CreateInvitationsInput) {
  return apiRequest(`/api/orgs/${encodeURIComponent(orgId)}/invitations`, {
    method: 'POST',
    body,
    headers: { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
    schema: CreateInvitationsResponseSchema,
  });
}

/**
 * Bulk invite (R17): the answer reports each address. Admins' lists also get the rows live; the
 * refetch covers a tab whose socket is down.
 */
export function useCreateInvitations(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateInvitationsInput) => createInvitations(orgId, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: invitationsKeys.lists(orgId) }),
  });
}
