import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useRequestPasswordReset } from '../api/use-password-reset.ts';
import { authErrorCopy } from '../utils/auth-error-copy.ts';
import { AuthCard } from './auth-card.tsx';
import './sign-in.css';

/** Asks for a reset link; the answer never says whether the address has an account. */
export function ForgotPasswordForm() {
  const [email, setEmail] = useState('');
  const request = useRequestPasswordReset();
  const errorId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (email.trim()) request.mutate(email.trim());
  };
  if (request.isSuccess) {
    return (
      <AuthCard icon="mail" title="Check your inbox" focusTitle>
        <p className="sign-in__note" role="status">
          If an account exists for <strong>{request.variables}</strong>, we sent it a link to choose a new password. The
          link works once and for a limited time.
        </p>
        <div className="sign-in__actions">
          <Link className="button button--secondary button--block" to="/sign-in">
            Back to sign in
          </Link>
        </div>
        <button type="button" className="link-button" onClick={() => request.reset()}>
          Use another address
        </button>
      </AuthCard>
    );
  }
  const error = request.isError ? authErrorCopy(request.error, 'forgot') : null;
  return (
    <div className="sign-in">
      <form className="sign-in__card" onSubmit={submit} noValidate aria-describedby={error ? errorId : undefined}>
        <h1 className="sign-in__title">Reset your password</h1>
        <p className="sign-in__lead">Enter your account’s email and we’ll send you a link to choose a new password.</p>
        {error && (
          <div className="sign-in__error" role="alert" id={errorId}>
            {error.message}
          </div>
        )}
        <label className="field">
          <span className="field__label">Email</span>
          <input
            className="input"
            type="email"
            name="email"
            autoComplete="username"
            required
            // eslint-disable-next-line jsx-a11y/no-autofocus -- the page's only task
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <button
          type="submit"
          className="button button--primary button--block"
          disabled={request.isPending || !email.trim()}
        >
          {request.isPending ? 'Sending…' : 'Send reset link'}
        </button>
        <p className="sign-up__switch">
          Remembered it? <Link to="/sign-in">Sign in</Link>
        </p>
      </form>
    </div>
  );
}
