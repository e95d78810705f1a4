import { useQuery } from '@tanstack/react-query';
import { toast } from '../../../components/ui/toast-store.ts';
import { Icon } from '../../../components/ui/icon.tsx';
import { useUpdateWebhook, webhooksQueryOptions } from '../api/webhooks-query.ts';
import { disabledAfterFailing, webhookErrorCopy, webhookName } from './webhook-copy.ts';

/**
 * Names each endpoint Roster turned off after every retry of a delivery failed, with why, and
 * offers to turn it back on (events since then are not sent; Redeliver sends one again).
 */
export function WebhooksFailingBanner({ orgId, enabled = true }: { orgId: string; enabled?: boolean }) {
  const query = useQuery({ ...webhooksQueryOptions(orgId), enabled });
  const update = useUpdateWebhook(orgId);
  const failing = query.data?.items.filter(disabledAfterFailing) ?? [];
  if (failing.length === 0) return null;
  return (
    <div className="webhooks-banner" role="status" aria-label="Disabled webhooks">
      <Icon name="alert" size={16} />
      <ul className="webhooks-banner__list">
        {failing.map((webhook) => {
          const name = webhookName(webhook);
          return (
            <li key={webhook.id} className="webhooks-banner__item">
              <span>
                <strong>{name}</strong> was disabled after its deliveries kept failing: {webhook.disabledReason}
              </span>
              <button
                type="button"
                className="button button--secondary"
                disabled={update.isPending && update.variables.id === webhook.id}
                aria-label={`Re-enable ${name}`}
                onClick={() =>
                  update.mutate(
                    { id: webhook.id, version: webhook.version, enabled: true },
                    {
                      onSuccess: () => toast({ tone: 'success', title: `${name} was enabled again` }),
                      onError: (error) =>
                        toast({
                          tone: 'error',
                          title: 'Couldn’t enable the endpoint',
                          description: webhookErrorCopy(error, 'change'),
                        }),
                    },
                  )
                }
              >
                Re-enable
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
