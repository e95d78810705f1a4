import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { newPasswordLengthOk, PasswordField } from '../../../components/ui/password-field.tsx';
import { useSignUp } from '../api/use-sign-up.ts';
import { authErrorCopy } from '../utils/auth-error-copy.ts';
import './sign-in.css';

interface SignUpFormProps {
  /** Runs once the server has taken the sign-up; the link is on its way to `email`. */
  onSignedUp: (email: string) => void;
  signInHref: string;
  /** Where the mailed link lands once followed (`/verified`, with `next` when there is one). */
  callbackURL: string;
}

/** Name, email and password; nobody is signed in until the mailed link is followed (R18). */
export function SignUpForm({ onSignedUp, signInHref, callbackURL }: SignUpFormProps) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const signUp = useSignUp();
  const errorId = useId();
  const complete = Boolean(name.trim() && email.trim()) && newPasswordLengthOk(password);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!complete) return;
    const address = email.trim();
    signUp.mutate(
      { name: name.trim(), email: address, password, callbackURL },
      { onSuccess: () => onSignedUp(address) },
    );
  };
  const error = signUp.isError ? authErrorCopy(signUp.error, 'sign-up') : null;
  const formError = error && error.field !== 'password' ? error.message : null;
  return (
    <div className="sign-in">
      <form className="sign-in__card" onSubmit={submit} noValidate aria-describedby={formError ? errorId : undefined}>
        <h1 className="sign-in__title">Create your account</h1>
        <p className="sign-in__lead">One account for every organization that invites you.</p>
        {formError && (
          <div className="sign-in__error" role="alert" id={errorId}>
            {formError}
          </div>
        )}
        <label className="field">
          <span className="field__label">Name</span>
          <input
            className="input"
            name="name"
            autoComplete="name"
            required
            // eslint-disable-next-line jsx-a11y/no-autofocus -- the page's only task
            autoFocus
            maxLength={100}
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
        <PasswordField
          label="Password"
          autoComplete="new-password"
          value={password}
          onChange={(value) => {
            setPassword(value);
            if (error?.field === 'password') signUp.reset();
          }}
          touched={touched}
          error={error?.field === 'password' ? error.message : null}
        />
        <button type="submit" className="button button--primary button--block" disabled={signUp.isPending}>
          {signUp.isPending ? 'Creating account…' : 'Create account'}
        </button>
        <p className="sign-up__switch">
          Already have an account? <Link to={signInHref}>Sign in</Link>
        </p>
      </form>
    </div>
  );
}
