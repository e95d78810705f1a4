import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Workspace } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { workspacesKeys } from './workspaces-keys.ts';

export function deleteWorkspace(orgId: string, workspace: Pick<Workspace, 'id' | 'version'>) {
  const path = `/api/orgs/${encodeURIComponent(orgId)}/workspaces/${encodeURIComponent(workspace.id)}`;
  return apiRequest(`${path}?version=${workspace.version}`, { method: 'DELETE' });
}

/** Org admins only; the workspace goes with every grant on it. */
export function useDeleteWorkspace(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (workspace: Workspace) => deleteWorkspace(orgId, workspace),
    onSuccess: (_, workspace) => {
      queryClient.setQueryData<{ items: Workspace[] }>(workspacesKeys.list(orgId), (data) =>
        data ? { ...data, items: data.items.filter((w) => w.id !== workspace.id) } : data,
      );
      queryClient.removeQueries({ queryKey: workspacesKeys.members(orgId, workspace.id) });
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: workspacesKeys.list(orgId) }),
  });
}
