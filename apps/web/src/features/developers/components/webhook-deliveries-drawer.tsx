import { useInfiniteQuery } from '@tanstack/react-query';
import type { WebhookDeliveryAttempt, WebhookEndpoint } from '@roster/contracts';
import { Badge } from '../../../components/ui/badge.tsx';
import { Drawer } from '../../../components/ui/drawer.tsx';
import { LoadError } from '../../../components/ui/load-error.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { toast } from '../../../components/ui/toast-store.ts';
import { useTicking } from '../../../lib/clock.ts';
import { formatRelative } from '../../../lib/relative-time.ts';
import { useRedeliverWebhook, webhookDeliveriesQueryOptions } from '../api/webhooks-query.ts';
import { webhookErrorCopy, webhookName } from './webhook-copy.ts';

/** One endpoint's attempts, newest first; each delivered entry can be sent again. */
export function WebhookDeliveriesDrawer({
  orgId,
  webhook,
  onClose,
}: {
  orgId: string;
  webhook: WebhookEndpoint | null;
  onClose: () => void;
}) {
  return (
    <Drawer
      open={webhook !== null}
      onOpenChange={(open) => !open && onClose()}
      title={webhook ? `Deliveries of ${webhookName(webhook)}` : 'Deliveries'}
      description="Every attempt, newest first. A failed delivery is retried on a schedule; Redeliver sends it again now."
    >
      {webhook && <Attempts orgId={orgId} webhookId={webhook.id} />}
    </Drawer>
  );
}

function Attempts({ orgId, webhookId }: { orgId: string; webhookId: string }) {
  const query = useInfiniteQuery(webhookDeliveriesQueryOptions(orgId, webhookId));
  const redeliver = useRedeliverWebhook(orgId, webhookId);
  if (query.isError)
    return (
      <LoadError title="Couldn’t load the deliveries" onRetry={() => void query.refetch()}>
        The server could not return them just now.
      </LoadError>
    );
  if (!query.data)
    return (
      <div className="developers-page__loading">
        <Spinner size={16} label="Loading deliveries" />
      </div>
    );
  const items = query.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <p className="developers-page__empty">No deliveries yet.</p>;
  // Redeliver sits on each entry's newest attempt (the list is newest first).
  const seen = new Set<string>();
  return (
    <>
      <ul className="webhook-attempts" aria-label="Delivery attempts">
        {items.map((attempt) => {
          const newest = !seen.has(attempt.deliveryId);
          seen.add(attempt.deliveryId);
          return (
            <AttemptRow
              key={attempt.id}
              attempt={attempt}
              pending={redeliver.isPending && redeliver.variables === attempt.deliveryId}
              onRedeliver={
                newest
                  ? () =>
                      redeliver.mutate(attempt.deliveryId, {
                        onSuccess: () =>
                          toast({ tone: 'success', title: `${attempt.eventType} #${attempt.seq} will be sent again` }),
                        onError: (error) =>
                          toast({
                            tone: 'error',
                            title: 'Couldn’t redeliver',
                            description: webhookErrorCopy(error, 'redeliver'),
                          }),
                      })
                  : null
              }
            />
          );
        })}
      </ul>
      {query.hasNextPage && (
        <div className="webhook-attempts__more">
          <button
            type="button"
            className="button button--secondary"
            disabled={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          >
            {query.isFetchingNextPage ? 'Loading…' : 'Show older attempts'}
          </button>
        </div>
      )}
    </>
  );
}

/** "in 30 s", "in 4 min", "in 2 h": when a retry is due. */
function formatIn(at: string, now: number): string {
  const seconds = Math.round((Date.parse(at) - now) / 1000);
  if (seconds <= 0) return 'due now';
  if (seconds < 60) return `in ${seconds} s`;
  if (seconds < 3600) return `in ${Math.round(seconds / 60)} min`;
  return `in ${Math.round(seconds / 3600)} h`;
}

function AttemptRow({
  attempt,
  pending,
  onRedeliver,
}: {
  attempt: WebhookDeliveryAttempt;
  pending: boolean;
  onRedeliver: (() => void) | null;
}) {
  const at = useTicking((now) => formatRelative(attempt.at, now));
  const retry = useTicking((now) => (attempt.nextRetryAt ? formatIn(attempt.nextRetryAt, now) : null));
  const ok = attempt.status === 'succeeded';
  return (
    <li className="webhook-attempt">
      <div className="webhook-attempt__main">
        <span className="webhook-attempt__event">
          <code>{attempt.eventType}</code> #{attempt.seq}
        </span>
        <Badge tone={ok ? 'success' : 'danger'}>{ok ? 'Succeeded' : 'Failed'}</Badge>
        <span className="webhook-attempt__facts">
          Attempt {attempt.attempt} · {attempt.httpStatus === null ? 'No response' : `HTTP ${attempt.httpStatus}`} ·{' '}
          {attempt.durationMs} ms · {at}
          {retry && ` · Next retry ${retry}`}
        </span>
        {attempt.error && <span className="webhook-attempt__error">{attempt.error}</span>}
      </div>
      {onRedeliver && (
        <button
          type="button"
          className="button button--secondary"
          disabled={pending}
          onClick={onRedeliver}
          aria-label={`Redeliver ${attempt.eventType} #${attempt.seq}`}
        >
          {pending ? 'Sending…' : 'Redeliver'}
        </button>
      )}
    </li>
  );
}
