import { queryOptions } from '@tanstack/react-query';
import { SessionsResponseSchema } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { accountKeys } from './account-keys.ts';

export function getSessions(signal?: AbortSignal) {
  return apiRequest('/api/me/sessions', { schema: SessionsResponseSchema, signal });
}

/** The devices signed in to this account, this one first. */
export function sessionsQueryOptions() {
  return queryOptions({ queryKey: accountKeys.sessions, queryFn: ({ signal }) => getSessions(signal), staleTime: 0 });
}
