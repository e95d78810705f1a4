import { useMutation } from '@tanstack/react-query';
import { CreateInvitationsResponseSchema, IDEMPOTENCY_KEY_HEADER, type WorkspaceRole } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';

/** Someone outside the org gets an invitation carrying the workspace grant (R13). */
export function inviteToWorkspace(orgId: string, email: string, workspaceId: string, role: WorkspaceRole) {
  return apiRequest(`/api/orgs/${encodeURIComponent(orgId)}/invitations`, {
    method: 'POST',
    body: { emails: [email], role: 'MEMBER', workspaces: [{ workspaceId, role }] },
    headers: { [IDEMPOTENCY_KEY_HEADER]: crypto.randomUUID() },
    schema: CreateInvitationsResponseSchema,
  });
}

export function useInviteToWorkspace(orgId: string, workspaceId: string) {
  return useMutation({
    mutationFn: ({ email, role }: { email: string; role: WorkspaceRole }) =>
      inviteToWorkspace(orgId, email, workspaceId, role),
  });
}
