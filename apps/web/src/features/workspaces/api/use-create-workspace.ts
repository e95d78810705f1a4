import { useMutation, useQueryClient } from '@tanstack/react-query';
import { WorkspaceSchema } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { workspacesKeys } from './workspaces-keys.ts';

export function createWorkspace(orgId: string, name: string) {
  return apiRequest(`/api/orgs/${encodeURIComponent(orgId)}/workspaces`, {
    method: 'POST',
    body: { name },
    schema: WorkspaceSchema,
  });
}

export function useCreateWorkspace(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => createWorkspace(orgId, name),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: workspacesKeys.list(orgId) }),
  });
}
