import { infiniteQueryOptions, keepPreviousData } from '@tanstack/react-query';
import { ListMembersResponseSchema } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { shareMemberPages } from '../../../lib/member-list-sharing.ts';
import { membersKeys, type MembersListParams } from './members-keys.ts';

export const MEMBERS_PAGE_SIZE = 50;

export function fetchMembersPage(
  orgId: string,
  params: MembersListParams,
  cursor: string | null,
  signal?: AbortSignal,
) {
  const search = new URLSearchParams({ sort: params.sort, order: params.order, limit: String(MEMBERS_PAGE_SIZE) });
  if (params.q) search.set('q', params.q);
  if (params.role) search.set('role', params.role);
  if (params.twoFactor) search.set('twoFactor', params.twoFactor);
  if (cursor) search.set('cursor', cursor);
  return apiRequest(`/api/orgs/${encodeURIComponent(orgId)}/members?${search}`, {
    schema: ListMembersResponseSchema,
    signal,
  });
}

/**
 * Keyset pages of an org's members. Live events keep the cache current, so it never goes stale
 * by age; the previous list stays on screen while a new sort or filter loads.
 */
export function membersQueryOptions(orgId: string, params: MembersListParams) {
  return infiniteQueryOptions({
    queryKey: membersKeys.list(orgId, params),
    queryFn: ({ pageParam, signal }) => fetchMembersPage(orgId, params, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
    structuralSharing: shareMemberPages,
  });
}
