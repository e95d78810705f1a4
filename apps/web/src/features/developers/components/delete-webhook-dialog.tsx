import type { WebhookEndpoint } from '@roster/contracts';
import { ConfirmDialog } from '../../../components/ui/alert-dialog.tsx';
import { toast } from '../../../components/ui/toast-store.ts';
import { isApiError } from '../../../lib/api-error.ts';
import { useDeleteWebhook } from '../api/webhooks-query.ts';
import { webhookErrorCopy, webhookName } from './webhook-copy.ts';

/** Asks before an endpoint goes, with its undelivered events and its delivery log. */
export function DeleteWebhookDialog({
  orgId,
  webhook,
  onDone,
}: {
  orgId: string;
  webhook: WebhookEndpoint | null;
  onDone: () => void;
}) {
  const remove = useDeleteWebhook(orgId);
  const name = webhook ? webhookName(webhook) : '';
  return (
    <ConfirmDialog
      open={webhook !== null}
      onOpenChange={(open) => !open && !remove.isPending && onDone()}
      title={`Delete ${name}?`}
      description={
        <p>
          Roster stops sending to this URL at once. Events not yet delivered and the delivery log are deleted with it.
        </p>
      }
      confirmLabel="Delete endpoint"
      pending={remove.isPending}
      onConfirm={() =>
        webhook &&
        remove.mutate(webhook.id, {
          onSuccess: () => toast({ tone: 'success', title: `${name} was deleted` }),
          onError: (error) =>
            isApiError(error, 'NOT_FOUND')
              ? toast({ tone: 'success', title: `${name} was already deleted` })
              : toast({
                  tone: 'error',
                  title: 'Couldn’t delete the endpoint',
                  description: webhookErrorCopy(error, 'delete'),
                }),
          onSettled: onDone,
        })
      }
    />
  );
}
