import { useId, useState, type FormEvent } from 'react';
import { useResendVerification } from '../api/use-resend-verification.ts';
import { authErrorCopy } from '../utils/auth-error-copy.ts';

/**
 * "Resend" for a verification link. With a known address it is one button; without one (a
 * link that failed, opened on another device) it asks for the address first.
 */
export function ResendVerification({ email: knownEmail, callbackURL }: { email: string | null; callbackURL: string }) {
  const [email, setEmail] = useState(knownEmail ?? '');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const resend = useResendVerification();
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const address = email.trim();
    if (!address) return;
    resend.mutate({ email: address, callbackURL }, { onSuccess: () => setSentTo(address) });
  };
  const error = resend.isError ? authErrorCopy(resend.error, 'resend') : null;
  return (
    <form className="sign-in__actions" onSubmit={submit} noValidate>
      {!knownEmail && (
        <label className="field">
          <span className="field__label">Email</span>
          <input
            className="input"
            type="email"
            name="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
      )}
      <div aria-live="polite" id={`${id}-status`}>
        {sentTo && !resend.isPending && !error && (
          <p className="sign-in__status">
            We sent a new link to <strong>{sentTo}</strong>. Older links no longer work.
          </p>
        )}
      </div>
      {error && (
        <div className="sign-in__error" role="alert">
          {error.message}
        </div>
      )}
      <button
        type="submit"
        className="button button--secondary button--block"
        disabled={resend.isPending || !email.trim()}
      >
        {resend.isPending ? 'Sending…' : sentTo ? 'Resend again' : knownEmail ? 'Resend the link' : 'Send a new link'}
      </button>
    </form>
  );
}
