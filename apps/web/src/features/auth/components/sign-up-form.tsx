import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useSignUp } from '../api/use-sign-up.ts';
import { signUpErrorCopy } from '../utils/sign-up-error-copy.ts';
import './sign-in.css';

const MIN_PASSWORD = 8;

/** Name, email and password; `onSignedUp` runs once the account and its session exist. */
export function SignUpForm({ onSignedUp, signInHref }: { onSignedUp: () => void; signInHref: string }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const signUp = useSignUp();
  const errorId = useId();
  const passwordHintId = useId();
  const shortPassword = password.length > 0 && password.length < MIN_PASSWORD;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!name.trim() || !email.trim() || password.length < MIN_PASSWORD) return;
    signUp.mutate({ name: name.trim(), email: email.trim(), password }, { onSuccess: onSignedUp });
  };
  const error = signUp.isError ? signUpErrorCopy(signUp.error) : null;
  return (
    <div className="sign-in">
      <form className="sign-in__card" onSubmit={submit} noValidate aria-describedby={error ? errorId : undefined}>
        <h1 className="sign-in__title">Create your account</h1>
        <p className="sign-in__lead">One account for every organization that invites you.</p>
        {error && (
          <div className="sign-in__error" role="alert" id={errorId}>
            {error}
          </div>
        )}
        <label className="field">
          <span className="field__label">Name</span>
          <input
            className="input"
            name="name"
            autoComplete="name"
            required
            autoFocus
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={touched && !name.trim() ? true : undefined}
          />
        </label>
        <label className="field">
          <span className="field__label">Email</span>
          <input
            className="input"
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={touched && !email.trim() ? true : undefined}
          />
        </label>
        <label className="field">
          <span className="field__label">Password</span>
          <input
            className="input"
            type="password"
            name="password"
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={(touched || shortPassword) && password.length < MIN_PASSWORD ? true : undefined}
            aria-describedby={passwordHintId}
          />
          <span id={passwordHintId} className={`sign-up__hint ${shortPassword ? 'sign-up__hint--error' : ''}`}>
            At least {MIN_PASSWORD} characters.
          </span>
        </label>
        <button
          type="submit"
          className="button button--primary button--block"
          disabled={signUp.isPending || !name.trim() || !email.trim() || password.length < MIN_PASSWORD}
        >
          {signUp.isPending ? 'Creating account…' : 'Create account'}
        </button>
        <p className="sign-up__switch">
          Already have an account? <Link to={signInHref}>Sign in</Link>
        </p>
      </form>
    </div>
  );
}
