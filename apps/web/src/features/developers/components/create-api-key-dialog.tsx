import { useState, type FormEvent } from 'react';
import { API_KEY_NAME_MAX, API_KEY_SCOPES, type ApiKeyScope, type CreatedApiKey } from '@roster/contracts';
import { FormDialogFooter } from '../../../components/ui/form-dialog-footer.tsx';
import { Modal } from '../../../components/ui/modal.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { toast } from '../../../components/ui/toast-store.ts';
import { isApiError } from '../../../lib/api-error.ts';
import { useCreateApiKey } from '../api/api-keys-query.ts';
import { SCOPE_LABELS } from './scope-copy.ts';

interface Props {
  orgId: string;
  /** Only the org's creator may give the `admin` scope; everyone else sees it off. */
  isCreator: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

type Expiry = 'never' | '30' | '90' | '365';
const EXPIRY_CHOICES: ReadonlyArray<{ value: Expiry; label: string }> = [
  { value: 'never', label: 'Never' },
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '365', label: 'In a year' },
];

function createErrorCopy(error: unknown): string {
  if (isApiError(error, 'LIMIT_EXCEEDED')) return error.message;
  if (isApiError(error, 'FORBIDDEN')) return error.message;
  if (isApiError(error, 'VALIDATION_FAILED')) return 'Check the name and the scopes, then try again.';
  return 'The server could not create the key just now. Try again.';
}

/** A name, the scopes and an expiry; then the key, shown this once with Copy. */
export function CreateApiKeyDialog({ orgId, isCreator, open, onOpenChange }: Props) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>([]);
  const [expiry, setExpiry] = useState<Expiry>('never');
  const [errors, setErrors] = useState<{ name?: string; scopes?: string; form?: string }>({});
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const create = useCreateApiKey(orgId);
  const close = (next: boolean) => {
    if (create.isPending) return;
    onOpenChange(next);
    if (!next) {
      setName('');
      setScopes([]);
      setExpiry('never');
      setErrors({});
      setCreated(null);
    }
  };
  const toggle = (scope: ApiKeyScope, on: boolean) =>
    setScopes((current) => (on ? [...current, scope] : current.filter((s) => s !== scope)));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const problems = {
      ...(name.trim() === '' ? { name: 'Name the key after the program that uses it' } : {}),
      ...(scopes.length === 0 ? { scopes: 'Choose at least one scope' } : {}),
    };
    if (problems.name || problems.scopes) return setErrors(problems);
    const ordered = API_KEY_SCOPES.filter((s) => scopes.includes(s));
    create.mutate(
      { name: name.trim(), scopes: ordered, ...(expiry === 'never' ? {} : { expiresInDays: Number(expiry) }) },
      { onSuccess: setCreated, onError: (error) => setErrors({ form: createErrorCopy(error) }) },
    );
  };
  const copy = (key: string) =>
    navigator.clipboard
      .writeText(key)
      .then(() => toast({ tone: 'success', title: 'API key copied' }))
      .catch(() =>
        toast({ tone: 'error', title: 'Couldn’t copy', description: 'Select the key and copy it by hand.' }),
      );

  if (created) {
    return (
      <Modal open={open} onOpenChange={close} title="Copy your API key">
        <div className="api-key-created">
          <p>This is the only time the key is shown. Store it where your program reads its secrets.</p>
          <code className="api-key-created__key" aria-label="API key">
            {created.key}
          </code>
          <div className="api-key-created__actions">
            <button type="button" className="button button--secondary" onClick={() => void copy(created.key)}>
              Copy
            </button>
            <button type="button" className="button button--primary" onClick={() => close(false)}>
              Done
            </button>
          </div>
        </div>
      </Modal>
    );
  }
  return (
    <Modal
      open={open}
      onOpenChange={close}
      title="Create an API key"
      description="A key acts for the organization on the routes its scopes allow. Send it as Authorization: Bearer."
    >
      <form className="api-key-form" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label className="field__label" htmlFor="api-key-name">
            Name
          </label>
          <input
            id="api-key-name"
            className="input"
            value={name}
            maxLength={API_KEY_NAME_MAX}
            // eslint-disable-next-line jsx-a11y/no-autofocus -- a dialog moves focus to its first field (WAI-ARIA dialog pattern)
            autoFocus
            autoComplete="off"
            onChange={(e) => {
              setName(e.target.value);
              setErrors(({ scopes: s }) => (s ? { scopes: s } : {}));
            }}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? 'api-key-name-error' : 'api-key-name-hint'}
          />
          {errors.name ? (
            <span id="api-key-name-error" className="field__error" role="alert">
              {errors.name}
            </span>
          ) : (
            <span id="api-key-name-hint" className="field__hint">
              The program that uses it, like “HR sync”.
            </span>
          )}
        </div>
        <fieldset
          className="api-key-form__scopes"
          aria-describedby={errors.scopes ? 'api-key-scopes-error' : undefined}
        >
          <legend className="field__label">Scopes</legend>
          {API_KEY_SCOPES.map((scope) => {
            const locked = scope === 'admin' && !isCreator;
            return (
              <label key={scope} className="api-key-form__scope">
                <input
                  type="checkbox"
                  checked={scopes.includes(scope)}
                  disabled={locked}
                  onChange={(e) => {
                    toggle(scope, e.target.checked);
                    setErrors(({ name: n }) => (n ? { name: n } : {}));
                  }}
                />
                <code>{scope}</code>
                <span className="api-key-form__scope-text">
                  {SCOPE_LABELS[scope]}
                  {locked && ' (only the organization’s creator can give it)'}
                </span>
              </label>
            );
          })}
          {errors.scopes && (
            <span id="api-key-scopes-error" className="field__error" role="alert">
              {errors.scopes}
            </span>
          )}
        </fieldset>
        <div className="field">
          <span className="field__label">Expires</span>
          <Select aria-label="Expires" value={expiry} options={EXPIRY_CHOICES} onValueChange={setExpiry} />
        </div>
        <FormDialogFooter
          error={errors.form}
          onCancel={() => close(false)}
          submitLabel="Create key"
          pendingLabel="Creating…"
          pending={create.isPending}
        />
      </form>
    </Modal>
  );
}
