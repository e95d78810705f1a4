import { queryOptions } from '@tanstack/react-query';
import { WorkspaceDeletionImpactSchema } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { workspacesKeys } from './workspaces-keys.ts';

export function fetchDeletionImpact(orgId: string, workspaceId: string, signal?: AbortSignal) {
  const path = `/api/orgs/${encodeURIComponent(orgId)}/workspaces/${encodeURIComponent(workspaceId)}/deletion-impact`;
  return apiRequest(path, { schema: WorkspaceDeletionImpactSchema, signal });
}

/** Who loses access if the workspace is deleted; read fresh each time the confirmation opens. */
export function deletionImpactQueryOptions(orgId: string, workspaceId: string) {
  return queryOptions({
    queryKey: workspacesKeys.deletionImpact(orgId, workspaceId),
    queryFn: ({ signal }) => fetchDeletionImpact(orgId, workspaceId, signal),
    staleTime: 0,
  });
}
