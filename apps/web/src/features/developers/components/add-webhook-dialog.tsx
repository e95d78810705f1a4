import { useState, type FormEvent } from 'react';
import { WebhookSubscriptionSchema, WebhookUrlSchema, type WebhookSubscription } from '@roster/contracts';
import { FormDialogFooter } from '../../../components/ui/form-dialog-footer.tsx';
import { Modal } from '../../../components/ui/modal.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { useCreateWebhook } from '../api/webhooks-query.ts';
import { WILDCARD_LABELS, webhookErrorCopy } from './webhook-copy.ts';
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
}

/** A URL, a description and the events; then the signing secret, shown this once with Copy. */
export function AddWebhookDialog({ orgId, open, onOpenChange }: Props) {
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<WebhookSubscription[]>([]);
  const [errors, setErrors] = useState<{ url?: string; events?: string; form?: string }>({});
  const [secret, setSecret] = useState<string | null>(null);
  const create = useCreateWebhook(orgId);
  const reset = () => {
    setUrl('');
    setDescription('');
    setEvents([]);
    setErrors({});
  };
  const close = (next: boolean) => {
    if (create.isPending) return;
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
    create.mutate(
      { url: url.trim(), events: chosen, ...(description.trim() ? { description: description.trim() } : {}) },
      {
        onSuccess: (answer) => {
          onOpenChange(false);
          reset();
          setSecret(answer.secret);
        },
        onError: (error) =>
          setErrors(
            isApiError(error, 'WEBHOOK_URL_REFUSED')
              ? { url: webhookErrorCopy(error, 'add') }
              : { form: webhookErrorCopy(error, 'add') },
          ),
      },
    );
  };
  return (
    <>
      <Modal
        open={open}
        onOpenChange={close}
        title="Add a webhook endpoint"
        description="Roster sends the chosen events to this URL, signed with a secret only you and the receiver know."
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
            submitLabel="Add endpoint"
            pendingLabel="Adding…"
            pending={create.isPending}
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
