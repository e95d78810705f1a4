import { infiniteQueryOptions, keepPreviousData, type InfiniteData } from '@tanstack/react-query';
import { ListInvitationsResponseSchema, type ListInvitationsResponse } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { invitationsKeys, type InvitationsListParams } from './invitations-keys.ts';

export const INVITATIONS_PAGE_SIZE = 50;

export type InvitationPages = InfiniteData<ListInvitationsResponse, string | null>;

export function fetchInvitationsPage(
  orgId: string,
  params: InvitationsListParams,
  cursor: string | null,
  signal?: AbortSignal,
) {
  const search = new URLSearchParams({ limit: String(INVITATIONS_PAGE_SIZE) });
  if (params.status) search.set('status', params.status);
  if (params.q) search.set('q', params.q);
  if (cursor) search.set('cursor', cursor);
  return apiRequest(`/api/orgs/${encodeURIComponent(orgId)}/invitations?${search}`, {
    schema: ListInvitationsResponseSchema,
    signal,
  });
}

/**
 * Newest-first pages of an org's live invitations (requested, pending, expired). Live events
 * keep them current, so they do not go stale by age.
 */
export function invitationsQueryOptions(orgId: string, params: InvitationsListParams) {
  return infiniteQueryOptions({
    queryKey: invitationsKeys.list(orgId, params),
    queryFn: ({ pageParam, signal }) => fetchInvitationsPage(orgId, params, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}
