import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  CreateWebhookResponseSchema,
  ListWebhookDeliveriesResponseSchema,
  ListWebhooksResponseSchema,
  RedeliverWebhookResponseSchema,
  RotateWebhookSecretResponseSchema,
  WebhookResponseSchema,
  type CreateWebhook,
  type ListWebhooksResponse,
  type UpdateWebhook,
  type WebhookEndpoint,
} from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { isApiError } from '../../../lib/api-error.ts';
import { webhooksKeys, webhooksPath } from './webhooks-keys.ts';

/** The org's webhook endpoints (admins); `webhook.*` events refetch it. */
export function webhooksQueryOptions(orgId: string) {
  return queryOptions({
    queryKey: webhooksKeys.org(orgId),
    queryFn: ({ signal }) => apiRequest(webhooksPath(orgId), { schema: ListWebhooksResponseSchema, signal }),
    staleTime: 60_000,
  });
}

/** One endpoint's attempts, newest first, 50 a page; under the list's key, so `webhook.*` events refetch them too. */
export function webhookDeliveriesQueryOptions(orgId: string, webhookId: string) {
  return infiniteQueryOptions({
    queryKey: webhooksKeys.deliveries(orgId, webhookId),
    queryFn: ({ pageParam, signal }) =>
      apiRequest(
        `${webhooksPath(orgId, webhookId)}/deliveries?limit=50${pageParam === null ? '' : `&cursor=${encodeURIComponent(pageParam)}`}`,
        { schema: ListWebhookDeliveriesResponseSchema, signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 15_000,
  });
}

/** Adds an endpoint; the answer holds its secret, which the dialog shows once. */
export function useCreateWebhook(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWebhook) =>
      apiRequest(webhooksPath(orgId), { method: 'POST', body, schema: CreateWebhookResponseSchema }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: webhooksKeys.org(orgId) }),
  });
}

const replacing = (webhook: WebhookEndpoint) => (data: ListWebhooksResponse | undefined) =>
  data && { ...data, items: data.items.map((w) => (w.id === webhook.id ? webhook : w)) };
const without = (webhookId: string) => (data: ListWebhooksResponse | undefined) =>
  data && { ...data, items: data.items.filter((w) => w.id !== webhookId) };

/** Changes an endpoint at its version (enabling it again clears why it was disabled). */
export function useUpdateWebhook(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateWebhook & { id: string }) =>
      apiRequest(webhooksPath(orgId, id), { method: 'PATCH', body, schema: WebhookResponseSchema }),
    onSuccess: ({ webhook }) => queryClient.setQueryData(webhooksKeys.org(orgId), replacing(webhook)),
    // Someone else changed it first, or deleted it: show what is there now.
    onError: (error) => {
      if (isApiError(error, 'VERSION_CONFLICT') || isApiError(error, 'NOT_FOUND'))
        void queryClient.invalidateQueries({ queryKey: webhooksKeys.org(orgId) });
    },
  });
}

/** Deletes an endpoint (204); one already gone leaves the list too. */
export function useDeleteWebhook(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (webhookId: string) => apiRequest(webhooksPath(orgId, webhookId), { method: 'DELETE' }),
    onSuccess: (_answer, webhookId) => queryClient.setQueryData(webhooksKeys.org(orgId), without(webhookId)),
    onError: (error, webhookId) => {
      if (isApiError(error, 'NOT_FOUND')) queryClient.setQueryData(webhooksKeys.org(orgId), without(webhookId));
    },
  });
}

/** A new signing secret, shown once; the previous one keeps signing beside it for a day. */
export function useRotateWebhookSecret(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (webhookId: string) =>
      apiRequest(`${webhooksPath(orgId, webhookId)}/rotate-secret`, {
        method: 'POST',
        schema: RotateWebhookSecretResponseSchema,
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: webhooksKeys.org(orgId) }),
  });
}

/** Sends one delivered (or failed) entry again; its attempts then refetch. */
export function useRedeliverWebhook(orgId: string, webhookId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) =>
      apiRequest(`${webhooksPath(orgId, webhookId)}/deliveries/${encodeURIComponent(deliveryId)}/redeliver`, {
        method: 'POST',
        schema: RedeliverWebhookResponseSchema,
      }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: webhooksKeys.deliveries(orgId, webhookId) }),
  });
}
