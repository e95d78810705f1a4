import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { WebhookEndpoint } from '@roster/contracts';
import { Badge } from '../../../components/ui/badge.tsx';
import { Menu, MenuItem } from '../../../components/ui/dropdown-menu.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { ListSection } from '../../../components/ui/list-section.tsx';
import { toast } from '../../../components/ui/toast-store.ts';
import { useTicking } from '../../../lib/clock.ts';
import { formatRelative } from '../../../lib/relative-time.ts';
import { useRotateWebhookSecret, useUpdateWebhook, webhooksQueryOptions } from '../api/webhooks-query.ts';
import { AddWebhookDialog } from './add-webhook-dialog.tsx';
import { DeleteWebhookDialog } from './delete-webhook-dialog.tsx';
import { WebhookDeliveriesDrawer } from './webhook-deliveries-drawer.tsx';
import { disabledAfterFailing, webhookErrorCopy, webhookName } from './webhook-copy.ts';
import { WebhookSecretDialog } from './webhook-secret.tsx';

/** The org's webhook endpoints: add, enable or disable, rotate a secret, delete, and see each one's deliveries. */
export function WebhooksSection({ orgId }: { orgId: string }) {
  const query = useQuery(webhooksQueryOptions(orgId));
  const update = useUpdateWebhook(orgId);
  const rotate = useRotateWebhookSecret(orgId);
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<WebhookEndpoint | null>(null);
  const [editing, setEditing] = useState<WebhookEndpoint | null>(null);
  const [viewingId, setViewingId] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const viewing = query.data?.items.find((w) => w.id === viewingId) ?? null;

  const setEnabled = (webhook: WebhookEndpoint, enabled: boolean) =>
    update.mutate(
      { id: webhook.id, version: webhook.version, enabled },
      {
        onSuccess: () =>
          toast({ tone: 'success', title: `${webhookName(webhook)} was ${enabled ? 'enabled' : 'disabled'}` }),
        onError: (error) =>
          toast({
            tone: 'error',
            title: `Couldn’t ${enabled ? 'enable' : 'disable'} the endpoint`,
            description: webhookErrorCopy(error, 'change'),
          }),
      },
    );
  const rotateSecret = (webhook: WebhookEndpoint) =>
    rotate.mutate(webhook.id, {
      onSuccess: (answer) => setSecret(answer.secret),
      onError: (error) =>
        toast({ tone: 'error', title: 'Couldn’t rotate the secret', description: webhookErrorCopy(error, 'rotate') }),
    });

  return (
    <ListSection
      id="developers-webhooks"
      title="Webhooks"
      description={
        <>
          Roster sends each chosen event to your URL as a signed POST, and retries one that fails for about two days.
          See <a href="/api/docs">the API reference</a> for the payloads.
        </>
      }
      action={{ label: 'Add endpoint', onClick: () => setAdding(true) }}
      query={query}
      copy={{ list: 'Webhook endpoints', loading: 'Loading webhooks', loadError: 'Couldn’t load the webhooks' }}
      empty={{ icon: 'send', text: 'No webhook endpoints yet.' }}
      listClassName="api-key-list"
      renderItem={(webhook) => (
        <WebhookRow
          key={webhook.id}
          webhook={webhook}
          busy={
            (update.isPending && update.variables.id === webhook.id) ||
            (rotate.isPending && rotate.variables === webhook.id)
          }
          onDeliveries={() => setViewingId(webhook.id)}
          onEnabled={(enabled) => setEnabled(webhook, enabled)}
          onEdit={() => setEditing(webhook)}
          onRotate={() => rotateSecret(webhook)}
          onDelete={() => setDeleting(webhook)}
        />
      )}
    >
      <AddWebhookDialog orgId={orgId} open={adding} onOpenChange={setAdding} />
      {/* One dialog per endpoint opened, so its fields start from that endpoint as it is now. */}
      <AddWebhookDialog
        key={editing?.id ?? 'none'}
        orgId={orgId}
        endpoint={editing}
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
      />
      <DeleteWebhookDialog orgId={orgId} webhook={deleting} onDone={() => setDeleting(null)} />
      <WebhookDeliveriesDrawer orgId={orgId} webhook={viewing} onClose={() => setViewingId(null)} />
      <WebhookSecretDialog
        secret={secret}
        title="Copy the new signing secret"
        note="This is the only time the secret is shown. The previous secret keeps signing beside it for 24 hours, so the receiver can switch without losing a delivery."
        onDone={() => setSecret(null)}
      />
    </ListSection>
  );
}

/** The row's status: on, turned off by an admin, or turned off by Roster after failing (with why). */
function WebhookStatus({ webhook }: { webhook: WebhookEndpoint }) {
  if (webhook.enabled) return <Badge tone="success">Enabled</Badge>;
  if (disabledAfterFailing(webhook)) return <Badge tone="danger">Disabled after failing</Badge>;
  return <Badge>Disabled</Badge>;
}

function lastDeliveryText(webhook: WebhookEndpoint, now: number): string {
  const last = webhook.lastDelivery;
  if (!last) return 'No deliveries yet';
  const code = last.httpStatus === null ? '' : ` (HTTP ${last.httpStatus})`;
  return `Last delivery ${last.status === 'succeeded' ? 'succeeded' : 'failed'}${code} ${formatRelative(last.at, now)}`;
}

function WebhookRow({
  webhook,
  busy,
  onDeliveries,
  onEnabled,
  onEdit,
  onRotate,
  onDelete,
}: {
  webhook: WebhookEndpoint;
  busy: boolean;
  onDeliveries: () => void;
  onEnabled: (enabled: boolean) => void;
  onEdit: () => void;
  onRotate: () => void;
  onDelete: () => void;
}) {
  const last = useTicking((now) => lastDeliveryText(webhook, now));
  const name = webhookName(webhook);
  return (
    <li className="api-key-row webhook-row">
      <div className="api-key-row__main">
        {webhook.description && <span className="api-key-row__name">{webhook.description}</span>}
        <code className="webhook-row__url">{webhook.url}</code>
        <WebhookStatus webhook={webhook} />
        <span className="api-key-row__scopes">{webhook.events.join(', ')}</span>
        {disabledAfterFailing(webhook) && <span className="webhook-row__reason">{webhook.disabledReason}</span>}
        <span className="api-key-row__meta">{last}</span>
      </div>
      <div className="webhook-row__actions">
        <button
          type="button"
          className="button button--ghost"
          onClick={onDeliveries}
          aria-label={`Deliveries of ${name}`}
        >
          Deliveries
        </button>
        <Menu
          trigger={
            <button type="button" className="icon-button" aria-label={`More for ${name}`} disabled={busy}>
              <Icon name="more" />
            </button>
          }
        >
          <MenuItem onSelect={onEdit}>Edit…</MenuItem>
          <MenuItem onSelect={() => onEnabled(!webhook.enabled)}>{webhook.enabled ? 'Disable' : 'Enable'}</MenuItem>
          <MenuItem onSelect={onRotate}>Rotate secret</MenuItem>
          <MenuItem tone="danger" onSelect={onDelete}>
            Delete
          </MenuItem>
        </Menu>
      </div>
    </li>
  );
}
