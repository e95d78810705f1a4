import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { newPasswordLengthOk, PasswordField } from '../../../components/ui/password-field.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { useInvitationSignUp } from '../api/use-invitation-sign-up.ts';
import { inviteeErrorCopy } from '../utils/invitee-error-copy.ts';

interface InvitationSignUpProps {
  token: string;
  /** The invited address, when the server tells it to the link's holder. */
  email: string | null;
  signInHref: string;
}

/** A newcomer creates their account right on the invitation: the address is the invitation's. */
export function InvitationSignUp({ token, email, signInHref }: InvitationSignUpProps) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const signUp = useInvitationSignUp(token);
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (name.trim() && newPasswordLengthOk(password)) signUp.mutate({ name: name.trim(), password });
  };
  const exists = isApiError(signUp.error, 'ACCOUNT_EXISTS');
  const weak = isApiError(signUp.error, 'WEAK_PASSWORD') ? signUp.error.message : null;
  const error = signUp.isError && !exists && !weak ? inviteeErrorCopy(signUp.error) : null;
  return (
    <form className="invitee-signup" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 className="invitee-signup__title" id={`${id}-title`}>
        New to Roster? Create your account
      </h2>
      {exists && (
        <div className="sign-in__error" role="alert">
          You already have an account for this address. <Link to={signInHref}>Sign in</Link> to accept the invitation.
        </div>
      )}
      {error && (
        <div className="sign-in__error" role="alert">
          <strong>{error.title}.</strong> {error.description}
        </div>
      )}
      <div className="field">
        <label className="field__label" htmlFor={`${id}-email`}>
          Email
        </label>
        <input
          id={`${id}-email`}
          className="input"
          type="email"
          name="email"
          autoComplete="username"
          readOnly
          value={email ?? 'The address this invitation was sent to'}
          aria-describedby={`${id}-email-hint`}
        />
        <span className="field__hint" id={`${id}-email-hint`}>
          The invitation’s address. Following its link proved it’s yours.
        </span>
      </div>
      <label className="field">
        <span className="field__label">Name</span>
        <input
          className="input"
          name="name"
          autoComplete="name"
          required
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={touched && !name.trim() ? true : undefined}
        />
      </label>
      <PasswordField
        label="Password"
        autoComplete="new-password"
        value={password}
        onChange={(value) => {
          setPassword(value);
          if (weak) signUp.reset();
        }}
        touched={touched}
        error={weak}
      />
      <button type="submit" className="button button--primary button--block" disabled={signUp.isPending}>
        {signUp.isPending ? 'Creating account…' : 'Create account'}
      </button>
    </form>
  );
}
