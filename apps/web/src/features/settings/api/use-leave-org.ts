import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export function leaveOrg(orgId: string) {
  return apiRequest(`/api/orgs/${encodeURIComponent(orgId)}/leave`, { method: 'POST' });
}

/** Leaving ends your membership at once; the caller decides where to go next. */
export function useLeaveOrg(orgId: string) {
  return useMutation({ mutationFn: () => leaveOrg(orgId) });
}
