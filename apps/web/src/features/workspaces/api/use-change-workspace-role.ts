import { useMutation, useQueryClient } from '@tanstack/react-query';
import { WorkspaceMemberSchema, type WorkspaceMember, type WorkspaceRole } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { toast } from '../../../components/ui/toast-store.ts';
import { workspaceErrorCopy, workspaceConflict } from '../utils/workspace-error-copy.ts';
import { writeWorkspaceMember } from './write-workspace-member.ts';

export function changeWorkspaceRole(orgId: string, workspaceId: string, member: WorkspaceMember, role: WorkspaceRole) {
  const path = `/api/orgs/${encodeURIComponent(orgId)}/workspaces/${encodeURIComponent(workspaceId)}/members/${encodeURIComponent(member.userId)}`;
  return apiRequest(path, { method: 'PATCH', body: { role, version: member.version }, schema: WorkspaceMemberSchema });
}

/** Sends the version the row was seen at; the answer (or the row as it is now) is patched in. */
export function useChangeWorkspaceRole(orgId: string, workspaceId: string, workspaceName: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ member, role }: { member: WorkspaceMember; role: WorkspaceRole }) =>
      changeWorkspaceRole(orgId, workspaceId, member, role),
    onSuccess: (updated) => writeWorkspaceMember(queryClient, orgId, workspaceId, updated.userId, updated),
    onError: (error, { member }) => {
      const current = workspaceConflict(error);
      if (current) writeWorkspaceMember(queryClient, orgId, workspaceId, current.userId, current);
      toast({ tone: 'warning', ...workspaceErrorCopy(error, 'role', member.name, workspaceName) });
    },
  });
}
