import { useMutation, useQueryClient } from '@tanstack/react-query';
import { WorkspaceMemberSchema, type WorkspaceRole } from '@roster/contracts';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client.ts';
import { workspacesKeys } from './workspaces-keys.ts';

const AddedSchema = z.object({ items: z.array(WorkspaceMemberSchema) });

export function addWorkspaceMembers(orgId: string, workspaceId: string, userIds: string[], role: WorkspaceRole) {
  const path = `/api/orgs/${encodeURIComponent(orgId)}/workspaces/${encodeURIComponent(workspaceId)}/members`;
  return apiRequest(path, { method: 'POST', body: { userIds, role }, schema: AddedSchema });
}

/** People already in the org join at once (R13); the whole batch is refused over the cap (R5). */
export function useAddWorkspaceMembers(orgId: string, workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userIds, role }: { userIds: string[]; role: WorkspaceRole }) =>
      addWorkspaceMembers(orgId, workspaceId, userIds, role),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: workspacesKeys.members(orgId, workspaceId) });
      void queryClient.invalidateQueries({ queryKey: workspacesKeys.list(orgId) });
    },
  });
}
