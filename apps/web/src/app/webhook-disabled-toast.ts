import type { WebhookDisabledEvent } from '../lib/live-updates.ts';
import type { ToastItem } from '../components/ui/toast-store.ts';

/**
 * The admins' toast, on any page, when Roster turns a webhook endpoint off after it kept failing:
 * which one, why, and the way to the Developers page, where its banner offers to re-enable it.
 */
export function webhookDisabledToast(
  { data: { webhook } }: WebhookDisabledEvent,
  openDevelopers: (() => void) | null,
): Omit<ToastItem, 'id'> {
  const name = webhook.description ?? webhook.url;
  return {
    tone: 'warning',
    title: `Webhook ${name} was disabled`,
    description: `Its deliveries kept failing${webhook.disabledReason ? `: ${webhook.disabledReason}` : ''}. Re-enable it on the Developers page once the receiver is fixed.`,
    ...(openDevelopers
      ? {
          action: {
            label: 'Review',
            altText: 'Open Developers in the organization’s pages to re-enable it',
            onAction: openDevelopers,
          },
        }
      : {}),
  };
}
