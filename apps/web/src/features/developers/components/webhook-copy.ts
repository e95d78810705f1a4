import type { WebhookEndpoint, WebhookSubscription } from '@roster/contracts';
import { isApiError } from '../../../lib/api-error.ts';

/** The wildcards, in words; single event types are shown as they are sent. */
export const WILDCARD_LABELS: Partial<Record<WebhookSubscription, string>> = {
  '*': 'Every event, including ones added later',
  'workspace.*': 'Every workspace event',
  'org.*': 'Every organization event',
};

/** What the server answered, in words an admin can act on. */
export function webhookErrorCopy(error: unknown, doing: 'add' | 'change' | 'delete' | 'rotate' | 'redeliver'): string {
  if (isApiError(error, 'WEBHOOK_URL_REFUSED')) return `${error.message}. Roster sends only to public https addresses.`;
  if (isApiError(error, 'VERSION_CONFLICT'))
    return 'Someone else changed this endpoint a moment ago. The list now shows their change; try again.';
  if (isApiError(error, 'NOT_FOUND')) return 'This endpoint was deleted a moment ago.';
  if (isApiError(error, 'LIMIT_EXCEEDED') || isApiError(error, 'FORBIDDEN')) return error.message;
  if (isApiError(error, 'VALIDATION_FAILED')) return 'Check the URL and the events, then try again.';
  const what = {
    add: 'add the endpoint',
    change: 'change the endpoint',
    delete: 'delete the endpoint',
    rotate: 'rotate the secret',
    redeliver: 'send it again',
  }[doing];
  return `The server could not ${what} just now. Try again.`;
}

/** An endpoint the server turned off because every retry of a delivery failed. */
export const disabledAfterFailing = (webhook: WebhookEndpoint) => !webhook.enabled && webhook.disabledReason !== null;

/** The endpoint's name on screen: its description, else its URL. */
export const webhookName = (webhook: WebhookEndpoint) => webhook.description ?? webhook.url;
