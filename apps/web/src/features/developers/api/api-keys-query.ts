import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  CreatedApiKeySchema,
  ListApiKeysResponseSchema,
  type CreateApiKey,
  type ListApiKeysResponse,
} from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { isApiError } from '../../../lib/api-error.ts';
import { apiKeysKeys, apiKeysPath } from './api-keys-keys.ts';

/** The org's keys (admins); `api_key.*` events refetch it. */
export function apiKeysQueryOptions(orgId: string) {
  return queryOptions({
    queryKey: apiKeysKeys.org(orgId),
    queryFn: ({ signal }) => apiRequest(apiKeysPath(orgId), { schema: ListApiKeysResponseSchema, signal }),
    staleTime: 60_000,
  });
}

/** Makes a key; the answer holds its secret, which the dialog shows once. */
export function useCreateApiKey(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiKey) =>
      apiRequest(apiKeysPath(orgId), { method: 'POST', body, schema: CreatedApiKeySchema }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: apiKeysKeys.org(orgId) }),
  });
}

const withoutKey = (keyId: string) => (data: ListApiKeysResponse | undefined) =>
  data && { ...data, items: data.items.filter((k) => k.id !== keyId) };

/** Revokes a key (204); one already revoked is gone from the list too. */
export function useRevokeApiKey(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (keyId: string) => apiRequest(apiKeysPath(orgId, keyId), { method: 'DELETE' }),
    onSuccess: (_answer, keyId) => queryClient.setQueryData(apiKeysKeys.org(orgId), withoutKey(keyId)),
    onError: (error, keyId) => {
      if (isApiError(error, 'NOT_FOUND')) queryClient.setQueryData(apiKeysKeys.org(orgId), withoutKey(keyId));
    },
  });
}
