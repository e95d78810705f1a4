import { useState, type FormEvent } from 'react';
import {
  WebhookSubscriptionSchema,
  WebhookUrlSchema,
  type WebhookEndpoint,
  type WebhookSubscription,
} from '@roster/contracts';
import { FormDialogFooter } from '../../../components/ui/form-dialog-footer.tsx';
import { Modal } from '../../../components/ui/modal.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { useCreateWebhook, useUpdateWebhook } from '../api/webhooks-query.ts';
import { toast } from '../../../components/ui/toast-store.ts';
import { WILDCARD_LABELS, webhookErrorCopy, webhookName } from './webhook-copy.ts';
import { WebhookSecretDialog } from './webhook-secret.tsx';

const DESCRIPTION_MAX = 200;
/** `*` first, then the families, then each type, as the server lists them. */
const CHOICES: readonly WebhookSubscription[] = [
  '*',
  'workspace.*',
  'org.*',
  ...WebhookSubscriptionSchema.options.filter((s) => !s.endsWith('*')),
];

interface Props {
  orgId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The endpoint to change; without one the dialog adds a new endpoint. Remount it per endpoint. */
  endpoint?: WebhookEndpoint | null;
}

/**
 * A URL, a description and the events; a new endpoint's signing secret is then shown this once
 * with Copy. Changing an endpoint sends only the fields that changed, at the version it was read.
 */
export function AddWebhookDialog({ orgId, open, onOpenChange, endpoint }: Props) {
  const [url, setUrl] = useState(endpoint?.url ?? '');
  const [description, setDescription] = useState(endpoint?.description ?? '');
  const [events, setEvents] = useState<WebhookSubscription[]>(endpoint?.events ?? []);
  const [errors, setErrors] = useState<{ url?: string; events?: string; form?: string }>({});
  const [secret, setSecret] = useState<string | null>(null);
  const create = useCreateWebhook(orgId);
  const update = useUpdateWebhook(orgId);
  const pending = create.isPending || update.isPending;
  const reset = () => {
    setUrl(endpoint?.url ?? '');
    setDescription(endpoint?.description ?? '');
    setEvents(endpoint?.events ?? []);
    setErrors({});
  };
  const close = (next: boolean) => {
    if (pending) return;
    onOpenChange(next);
    if (!next) reset();
  };
  const all = events.includes('*');
  const toggle = (event: WebhookSubscription, on: boolean) => {
    setEvents((current) => (on ? [...current, event] : current.filter((e) => e !== event)));
    setErrors(({ url: u }) => (u ? { url: u } : {}));
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsedUrl = WebhookUrlSchema.safeParse(url);
    const problems = {
      ...(parsedUrl.success ? {} : { url: parsedUrl.error.issues[0]?.message ?? 'Enter the receiver’s URL' }),
      ...(events.length === 0 ? { events: 'Choose at least one event' } : {}),
    };
    if (url.trim() === '') problems.url = 'Enter the receiver’s URL';
    if (problems.url || problems.events) return setErrors(problems);
    const chosen = all ? (['*'] as WebhookSubscription[]) : CHOICES.filter((c) => events.includes(c));
    const refused = (error: unknown, doing: 'add' | 'change') =>
      setErrors(
        isApiError(error, 'WEBHOOK_URL_REFUSED')
          ? { url: webhookErrorCopy(error, doing) }
          : { form: webhookErrorCopy(error, doing) },
      );
    if (endpoint) {
      const nextDescription = description.trim() || null;
      const sameEvents = chosen.length === endpoint.events.length && chosen.every((e) => endpoint.events.includes(e));
      const changes = {
        ...(url.trim() !== endpoint.url && { url: url.trim() }),
        ...(!sameEvents && { events: chosen }),
        ...(nextDescription !== endpoint.description && { description: nextDescription }),
      };
      if (Object.keys(changes).length === 0) return close(false);
      return update.mutate(
        { id: endpoint.id, version: endpoint.version, ...changes },
        {
          onSuccess: () => {
            onOpenChange(false);
            toast({
              tone: 'success',
              title: `${webhookName({ ...endpoint, description: nextDescription })} was changed`,
            });
          },
          onError: (error) => refused(error, 'change'),
        },
      );
    }
    create.mutate(
      { url: url.trim(), events: chosen, ...(description.trim() ? { description: description.trim() } : {}) },
      {
        onSuccess: (answer) => {
          onOpenChange(false);
          reset();
          setSecret(answer.secret);
        },
        onError: (error) => refused(error, 'add'),
      },
    );
  };
  return (
    <>
      <Modal
        open={open}
        onOpenChange={close}
        title={endpoint ? `Change ${webhookName(endpoint)}` : 'Add a webhook endpoint'}
        description={
          endpoint
            ? 'Deliveries still waiting go to the URL as it is when they are sent. The signing secret stays the same.'
            : 'Roster sends the chosen events to this URL, signed with a secret only you and the receiver know.'
        }
      >
        <form className="api-key-form" onSubmit={onSubmit} noValidate>
          <div className="field">
            <label className="field__label" htmlFor="webhook-url">
              URL
            </label>
            <input
              id="webhook-url"
              className="input"
              type="url"
              inputMode="url"
              value={url}
              maxLength={2048}
              placeholder="https://example.com/hooks"
              // eslint-disable-next-line jsx-a11y/no-autofocus -- a dialog moves focus to its first field (WAI-ARIA dialog pattern)
              autoFocus
              autoComplete="off"
              onChange={(e) => {
                setUrl(e.target.value);
                setErrors(({ events: s }) => (s ? { events: s } : {}));
              }}
              aria-invalid={errors.url ? true : undefined}
              aria-describedby={errors.url ? 'webhook-url-error' : 'webhook-url-hint'}
            />
            {errors.url ? (
              <span id="webhook-url-error" className="field__error" role="alert">
                {errors.url}
              </span>
            ) : (
              <span id="webhook-url-hint" className="field__hint">
                A public https address that answers with a 2xx status.
              </span>
            )}
          </div>
          <div className="field">
            <label className="field__label" htmlFor="webhook-description">
              Description (optional)
            </label>
            <input
              id="webhook-description"
              className="input"
              value={description}
              maxLength={DESCRIPTION_MAX}
              autoComplete="off"
              onChange={(e) => setDescription(e.target.value)}
            />
          </div>
          <fieldset
            className="api-key-form__scopes webhook-form__events"
            aria-describedby={errors.events ? 'webhook-events-error' : undefined}
          >
            <legend className="field__label">Events</legend>
            {CHOICES.map((choice) => (
              <label key={choice} className="webhook-form__event">
                <input
                  type="checkbox"
                  checked={events.includes(choice) || (all && choice !== '*')}
                  disabled={all && choice !== '*'}
                  onChange={(e) => toggle(choice, e.target.checked)}
                />
                <code>{choice}</code>
                {WILDCARD_LABELS[choice] && <span className="api-key-form__scope-text">{WILDCARD_LABELS[choice]}</span>}
              </label>
            ))}
            {errors.events && (
              <span id="webhook-events-error" className="field__error" role="alert">
                {errors.events}
              </span>
            )}
          </fieldset>
          <FormDialogFooter
            error={errors.form}
            onCancel={() => close(false)}
            submitLabel={endpoint ? 'Save changes' : 'Add endpoint'}
            pendingLabel={endpoint ? 'Saving…' : 'Adding…'}
            pending={pending}
          />
        </form>
      </Modal>
      <WebhookSecretDialog
        secret={secret}
        title="Copy the signing secret"
        note="This is the only time the secret is shown. Give it to the receiver so it can check each delivery’s signature."
        onDone={() => setSecret(null)}
      />
    </>
  );
}
