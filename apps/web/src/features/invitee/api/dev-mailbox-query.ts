import { queryOptions } from '@tanstack/react-query';
import { DevMailboxResponseSchema } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { isApiError } from '../../../lib/api-error.ts';
import { inviteeKeys } from './invitee-keys.ts';

/** The dev mailbox, or null when the server sends real mail (the endpoint then answers 404). */
export async function getDevMailbox(signal?: AbortSignal) {
  try {
    return await apiRequest('/api/dev/mailbox', { schema: DevMailboxResponseSchema, signal });
  } catch (error) {
    if (isApiError(error) && (error.status === 404 || error.code === 'NOT_FOUND')) return null;
    throw error;
  }
}

export function devMailboxQueryOptions() {
  return queryOptions({
    queryKey: inviteeKeys.devMailbox,
    queryFn: ({ signal }) => getDevMailbox(signal),
    staleTime: 10_000,
    retry: false,
  });
}
