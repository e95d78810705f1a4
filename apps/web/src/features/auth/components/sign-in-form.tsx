import { useId, useState, type FormEvent } from 'react';
import { useSignIn } from '../api/use-sign-in.ts';
import { signInErrorCopy } from '../utils/sign-in-error-copy.ts';
import { DemoAccounts } from './demo-accounts.tsx';
import './sign-in.css';

/** Email and password; `onSignedIn` runs once the session exists and `/api/me` is cached. */
export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useSignIn();
  const errorId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email: email.trim(), password }, { onSuccess: onSignedIn });
  };
  const error = signIn.isError ? signInErrorCopy(signIn.error) : null;
  return (
    <div className="sign-in">
      <form className="sign-in__card" onSubmit={submit} noValidate aria-describedby={error ? errorId : undefined}>
        <h1 className="sign-in__title">Sign in to Roster</h1>
        <p className="sign-in__lead">Manage who belongs to your organization.</p>
        {error && (
          <div className="sign-in__error" role="alert" id={errorId}>
            {error}
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
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={error ? true : undefined}
          />
        </label>
        <label className="field">
          <span className="field__label">Password</span>
          <input
            className="input"
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={error ? true : undefined}
          />
        </label>
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
