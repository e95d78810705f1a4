import { useMutation } from '@tanstack/react-query';
import { CreateAccessRequestResponseSchema, type CreateAccessRequest } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';

export function requestAccess(orgId: string, body: CreateAccessRequest) {
  return apiRequest(`/api/orgs/${encodeURIComponent(orgId)}/access-requests`, {
    method: 'POST',
    body,
    schema: CreateAccessRequestResponseSchema,
  });
}

/** Asks the org's admins for access to a page; nothing in the cache changes. */
export function useRequestAccess(orgId: string) {
  return useMutation({ mutationFn: (body: CreateAccessRequest) => requestAccess(orgId, body) });
}
