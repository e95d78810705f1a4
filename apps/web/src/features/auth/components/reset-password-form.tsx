import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { newPasswordLengthOk, PasswordField } from '../../../components/ui/password-field.tsx';
import { useResetPassword } from '../api/use-password-reset.ts';
import { authErrorCopy } from '../utils/auth-error-copy.ts';
import { AuthCard } from './auth-card.tsx';
import './sign-in.css';

/** A spent, unknown or expired link: nothing to do here but ask for a new one. */
function LinkExpired() {
  return (
    <AuthCard icon="alert" tone="danger" title="This reset link doesn’t work" focusTitle>
      <p className="sign-in__note" role="alert">
        Reset links work once and for a limited time. Ask for a new one and use the latest mail.
      </p>
      <div className="sign-in__actions">
        <Link className="button button--primary button--block" to="/forgot-password">
          Send a new link
        </Link>
      </div>
    </AuthCard>
  );
}

/** The page behind the mailed reset link: a new password, then sign in again everywhere. */
export function ResetPasswordForm({ token, linkError }: { token: string | null; linkError: string | null }) {
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const reset = useResetPassword();
  const errorId = useId();
  if (!token || linkError) return <LinkExpired />;
  if (reset.isSuccess) {
    return (
      <AuthCard icon="check" title="Password changed" focusTitle>
        <p className="sign-in__note" role="status">
          Sign in with your new password. For your safety we signed you out on every other device.
        </p>
        <div className="sign-in__actions">
          <Link className="button button--primary button--block" to="/sign-in">
            Sign in
          </Link>
        </div>
      </AuthCard>
    );
  }
  const error = reset.isError ? authErrorCopy(reset.error, 'reset') : null;
  if (error?.linkExpired) return <LinkExpired />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (newPasswordLengthOk(password)) reset.mutate({ token, newPassword: password });
  };
  const formError = error && error.field !== 'password' ? error.message : null;
  return (
    <div className="sign-in">
      <form className="sign-in__card" onSubmit={submit} noValidate aria-describedby={formError ? errorId : undefined}>
        <h1 className="sign-in__title">Choose a new password</h1>
        <p className="sign-in__lead">You’ll be signed out everywhere else once it’s changed.</p>
        {formError && (
          <div className="sign-in__error" role="alert" id={errorId}>
            {formError}
          </div>
        )}
        <PasswordField
          label="New password"
          autoComplete="new-password"
          value={password}
          onChange={(value) => {
            setPassword(value);
            if (error?.field === 'password') reset.reset();
          }}
          touched={touched}
          error={error?.field === 'password' ? error.message : null}
        />
        <button type="submit" className="button button--primary button--block" disabled={reset.isPending}>
          {reset.isPending ? 'Changing…' : 'Change password'}
        </button>
      </form>
    </div>
  );
}
