import { useState, type FormEvent } from 'react';
import type { MeUser } from '@roster/contracts';
import { toast } from '../../../components/ui/toast-store.ts';
import { isApiError } from '../../../lib/api-error.ts';
import { useChangeEmail } from '../api/use-change-email.ts';
import { useUpdateProfile } from '../api/use-update-profile.ts';
import { accountErrorCopy } from '../utils/account-error-copy.ts';
import { AccountSection } from './account-section.tsx';

/** The display name (versioned) and the address, which changes only once the new one is proven. */
export function ProfileSection({ user, onMeChanged }: { user: MeUser; onMeChanged: () => Promise<unknown> }) {
  return (
    <AccountSection id="profile" title="Profile" description="How you appear to the people in your organizations.">
      <NameForm user={user} onMeChanged={onMeChanged} />
      <EmailForm email={user.email} />
    </AccountSection>
  );
}

function NameForm({ user, onMeChanged }: { user: MeUser; onMeChanged: () => Promise<unknown> }) {
  const [name, setName] = useState(user.name);
  const [base, setBase] = useState(user.version);
  const update = useUpdateProfile();
  // A newer version from elsewhere (refetch after a conflict) replaces an untouched field.
  if (user.version !== base) {
    setBase(user.version);
    setName(user.name);
  }
  const trimmed = name.trim();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!trimmed || trimmed === user.name) return;
    update.mutate(
      { name: trimmed, version: user.version },
      {
        onSuccess: () =>
          void onMeChanged().then(() =>
            toast({ tone: 'success', title: 'Name saved', description: 'Your organizations see it at once.' }),
          ),
        onError: (error) => {
          if (isApiError(error, 'VERSION_CONFLICT')) void onMeChanged();
        },
      },
    );
  };
  const error = update.isError ? accountErrorCopy(update.error, 'profile') : null;
  return (
    <form className="account-row" onSubmit={submit} noValidate>
      <label className="field account-row__field">
        <span className="field__label">Display name</span>
        <input
          className="input"
          name="name"
          autoComplete="name"
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={!trimmed || undefined}
        />
      </label>
      <button
        type="submit"
        className="button button--secondary"
        disabled={update.isPending || !trimmed || trimmed === user.name}
      >
        {update.isPending ? 'Saving…' : 'Save name'}
      </button>
      {error && (
        <p className="account-error account-row__full" role="alert">
          {error.message}
        </p>
      )}
    </form>
  );
}

function EmailForm({ email }: { email: string }) {
  const [editing, setEditing] = useState(false);
  const [newEmail, setNewEmail] = useState('');
  const change = useChangeEmail();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const address = newEmail.trim();
    if (address && address.toLowerCase() !== email.toLowerCase()) change.mutate(address);
  };
  const error = change.isError ? accountErrorCopy(change.error, 'email') : null;
  if (!editing || change.isSuccess) {
    return (
      <div className="account-row">
        <div className="account-row__field">
          <span className="field__label">Email</span>
          <p className="account-value">{email}</p>
          {change.isSuccess && (
            <p className="account-status" role="status">
              We sent a link to <strong>{change.variables}</strong>; nothing changes until you follow it.
            </p>
          )}
        </div>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            change.reset();
            setNewEmail('');
            setEditing(true);
          }}
        >
          Change email
        </button>
      </div>
    );
  }
  return (
    <form className="account-row" onSubmit={submit} noValidate>
      <div className="field account-row__field">
        <label className="field__label" htmlFor="account-new-email">
          New email
        </label>
        <input
          id="account-new-email"
          aria-describedby="account-new-email-hint"
          className="input"
          type="email"
          name="new-email"
          autoComplete="email"
          // eslint-disable-next-line jsx-a11y/no-autofocus -- opened by the person's own click
          autoFocus
          value={newEmail}
          onChange={(e) => setNewEmail(e.target.value)}
        />
        <span className="field__hint" id="account-new-email-hint">
          We’ll send a link to the new address. Your current one, {email}, stays until then.
        </span>
      </div>
      <div className="account-row__buttons">
        <button type="button" className="button button--ghost" onClick={() => setEditing(false)}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={change.isPending || !newEmail.trim()}>
          {change.isPending ? 'Sending…' : 'Send link'}
        </button>
      </div>
      {error && (
        <p className="account-error account-row__full" role="alert">
          {error.message}
        </p>
      )}
    </form>
  );
}
