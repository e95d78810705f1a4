import { queryOptions } from '@tanstack/react-query';
import { ListWorkspaceMembersResponseSchema } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { workspacesKeys } from './workspaces-keys.ts';

export function fetchWorkspaceMembers(orgId: string, workspaceId: string, signal?: AbortSignal) {
  const path = `/api/orgs/${encodeURIComponent(orgId)}/workspaces/${encodeURIComponent(workspaceId)}/members`;
  return apiRequest(path, { schema: ListWorkspaceMembersResponseSchema, signal });
}

/** The workspace and its members (org admins and its owners only, R2). */
export function workspaceMembersQueryOptions(orgId: string, workspaceId: string) {
  return queryOptions({
    queryKey: workspacesKeys.members(orgId, workspaceId),
    queryFn: ({ signal }) => fetchWorkspaceMembers(orgId, workspaceId, signal),
    staleTime: 5 * 60_000,
  });
}
