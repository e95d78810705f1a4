import { queryOptions } from '@tanstack/react-query';
import { MeSchema } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';

export const meKeys = {
  me: ['me'] as const,
};

export function getMe(signal?: AbortSignal) {
  return apiRequest('/api/me', { schema: MeSchema, signal });
}

/** Who is signed in and their orgs; refetched when a live `access.changed` arrives. */
export function meQueryOptions() {
  return queryOptions({ queryKey: meKeys.me, queryFn: ({ signal }) => getMe(signal), staleTime: 60_000 });
}
