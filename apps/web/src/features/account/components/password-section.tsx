import { useState, type FormEvent } from 'react';
import { newPasswordLengthOk, PasswordField } from '../../../components/ui/password-field.tsx';
import { toast } from '../../../components/ui/toast-store.ts';
import { useChangePassword } from '../api/use-change-password.ts';
import { accountErrorCopy } from '../utils/account-error-copy.ts';
import { AccountSection } from './account-section.tsx';

export function PasswordSection() {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [touched, setTouched] = useState(false);
  const change = useChangePassword();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!currentPassword || !newPasswordLengthOk(newPassword)) return;
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrent('');
          setNew('');
          setTouched(false);
          toast({ tone: 'success', title: 'Password changed', description: 'Your other devices were signed out.' });
        },
      },
    );
  };
  const error = change.isError ? accountErrorCopy(change.error, 'password') : null;
  return (
    <AccountSection id="password" title="Password" description="Changing it signs you out on every other device.">
      <form className="account-stack" onSubmit={submit} noValidate>
        {error && !error.field && (
          <p className="account-error" role="alert">
            {error.message}
          </p>
        )}
        <PasswordField
          label="Current password"
          name="current-password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={setCurrent}
          touched={touched}
          error={error?.field === 'currentPassword' ? error.message : null}
        />
        <PasswordField
          label="New password"
          name="new-password"
          autoComplete="new-password"
          value={newPassword}
          onChange={setNew}
          touched={touched}
          error={error?.field === 'password' ? error.message : null}
        />
        <div>
          <button type="submit" className="button button--primary" disabled={change.isPending}>
            {change.isPending ? 'Changing…' : 'Change password'}
          </button>
        </div>
      </form>
    </AccountSection>
  );
}
