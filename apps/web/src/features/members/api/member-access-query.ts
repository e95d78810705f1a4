import { queryOptions } from '@tanstack/react-query';
import { MemberAccessSchema } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { membersKeys } from './members-keys.ts';

export function fetchMemberAccess(orgId: string, userId: string, signal?: AbortSignal) {
  const path = `/api/orgs/${encodeURIComponent(orgId)}/members/${encodeURIComponent(userId)}/access`;
  return apiRequest(path, { schema: MemberAccessSchema, signal });
}

/** What one person may do and why; read fresh each time the dialog opens. */
export function memberAccessQueryOptions(orgId: string, userId: string) {
  return queryOptions({
    queryKey: [...membersKeys.org(orgId), 'access', userId] as const,
    queryFn: ({ signal }) => fetchMemberAccess(orgId, userId, signal),
    staleTime: 0,
  });
}
