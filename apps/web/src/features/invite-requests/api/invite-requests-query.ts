import { infiniteQueryOptions, type InfiniteData } from '@tanstack/react-query';
import { ListInviteRequestsResponseSchema, type ListInviteRequestsResponse } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { inviteRequestsKeys } from './invite-requests-keys.ts';

export type RequestPages = InfiniteData<ListInviteRequestsResponse, string | null>;

export function fetchInviteRequests(orgId: string, cursor: string | null, signal?: AbortSignal) {
  const search = new URLSearchParams({ limit: '50' });
  if (cursor) search.set('cursor', cursor);
  return apiRequest(`/api/orgs/${encodeURIComponent(orgId)}/invite-requests?${search}`, {
    schema: ListInviteRequestsResponseSchema,
    signal,
  });
}

/** Requests waiting for an admin, newest first (admins only). Live events add and drop rows. */
export function inviteRequestsQueryOptions(orgId: string) {
  return infiniteQueryOptions({
    queryKey: inviteRequestsKeys.list(orgId),
    queryFn: ({ pageParam, signal }) => fetchInviteRequests(orgId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 5 * 60_000,
  });
}
