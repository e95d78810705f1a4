import { useMutation, useQueryClient } from '@tanstack/react-query';
import { WorkspaceSchema, type Workspace } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { workspacesKeys } from './workspaces-keys.ts';

export function renameWorkspace(orgId: string, workspace: Pick<Workspace, 'id' | 'version'>, name: string) {
  return apiRequest(`/api/orgs/${encodeURIComponent(orgId)}/workspaces/${encodeURIComponent(workspace.id)}`, {
    method: 'PATCH',
    body: { name, version: workspace.version },
    schema: WorkspaceSchema,
  });
}

/** Renames at the version the dialog was opened with; a stale one is refused (409), never overwritten. */
export function useRenameWorkspace(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ workspace, name }: { workspace: Workspace; name: string }) =>
      renameWorkspace(orgId, workspace, name),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: workspacesKeys.org(orgId) }),
  });
}
