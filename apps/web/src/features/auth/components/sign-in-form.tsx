import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../../lib/api-error.ts';
import { useSignIn } from '../api/use-sign-in.ts';
import { authErrorCopy } from '../utils/auth-error-copy.ts';
import { DemoAccounts } from './demo-accounts.tsx';
import { TwoFactorStep } from './two-factor-step.tsx';
import './sign-in.css';

interface SignInFormProps {
  /** Runs once the session exists and `/api/me` is cached. */
  onSignedIn: () => void;
  /** The address is not proven yet; the server has mailed a fresh link to it. */
  onEmailNotVerified: (email: string) => void;
}

/** Email and password, then a code when the account has two-factor on. */
export function SignInForm({ onSignedIn, onEmailNotVerified }: SignInFormProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useSignIn();
  const errorId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const address = email.trim();
    signIn.mutate(
      { email: address, password },
      {
        onSuccess: ({ twoFactor }) => {
          if (!twoFactor) onSignedIn();
        },
        onError: (error) => {
          if (isApiError(error, 'EMAIL_NOT_VERIFIED')) onEmailNotVerified(address);
        },
      },
    );
  };
  if (signIn.data?.twoFactor) {
    return (
      <TwoFactorStep
        onSignedIn={onSignedIn}
        onCancel={() => {
          setPassword('');
          signIn.reset();
        }}
      />
    );
  }
  const error =
    signIn.isError && !isApiError(signIn.error, 'EMAIL_NOT_VERIFIED') ? authErrorCopy(signIn.error, 'sign-in') : null;
  return (
    <div className="sign-in">
      <form className="sign-in__card" onSubmit={submit} noValidate aria-describedby={error ? errorId : undefined}>
        <h1 className="sign-in__title">Sign in to Roster</h1>
        <p className="sign-in__lead">Manage who belongs to your organization.</p>
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
            aria-invalid={error ? true : undefined}
          />
        </label>
        <div className="field">
          <div className="sign-in__row">
            <label className="field__label" htmlFor={`${errorId}-password`}>
              Password
            </label>
            <Link className="sign-in__link" to="/forgot-password">
              Forgot password?
            </Link>
          </div>
          <input
            id={`${errorId}-password`}
            className="input"
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={error ? true : undefined}
          />
        </div>
        <button
          type="submit"
          className="button button--primary button--block"
          disabled={signIn.isPending || !email || !password}
        >
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <DemoAccounts
        onPick={(account) => {
          setEmail(account.email);
          setPassword(account.password);
          signIn.reset();
        }}
      />
    </div>
  );
}
