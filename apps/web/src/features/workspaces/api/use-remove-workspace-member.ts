import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { WorkspaceMember } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { toast } from '../../../components/ui/toast-store.ts';
import { workspaceConflict, workspaceErrorCopy } from '../utils/workspace-error-copy.ts';
import { workspacesKeys } from './workspaces-keys.ts';
import { writeWorkspaceMember } from './write-workspace-member.ts';

export function removeWorkspaceMember(orgId: string, workspaceId: string, member: WorkspaceMember) {
  const path = `/api/orgs/${encodeURIComponent(orgId)}/workspaces/${encodeURIComponent(workspaceId)}/members/${encodeURIComponent(member.userId)}`;
  return apiRequest(`${path}?version=${member.version}`, { method: 'DELETE' });
}

/** Removes from this workspace only; the org membership and other workspaces stay (R12). */
export function useRemoveWorkspaceMember(orgId: string, workspaceId: string, workspaceName: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (member: WorkspaceMember) => removeWorkspaceMember(orgId, workspaceId, member),
    onSuccess: (_, member) => {
      writeWorkspaceMember(queryClient, orgId, workspaceId, member.userId, null);
      void queryClient.invalidateQueries({ queryKey: workspacesKeys.list(orgId) });
      toast({ tone: 'success', title: `${member.name} was removed from ${workspaceName}` });
    },
    onError: (error, member) => {
      const current = workspaceConflict(error);
      if (current) writeWorkspaceMember(queryClient, orgId, workspaceId, current.userId, current);
      toast({ tone: 'warning', ...workspaceErrorCopy(error, 'remove', member.name, workspaceName) });
    },
  });
}
