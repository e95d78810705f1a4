import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTwoFactorSignIn } from '../api/use-two-factor-sign-in.ts';
import { authErrorCopy } from '../utils/auth-error-copy.ts';
import './sign-in.css';

/** The second sign-in step: a 6-digit code from the authenticator app, or a recovery code. */
export function TwoFactorStep({ onSignedIn, onCancel }: { onSignedIn: () => void; onCancel: () => void }) {
  const [method, setMethod] = useState<'totp' | 'backup'>('totp');
  const [code, setCode] = useState('');
  const [trustDevice, setTrustDevice] = useState(false);
  const verify = useTwoFactorSignIn();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  // The step replaces the password form: say so by moving focus to its input.
  useEffect(() => inputRef.current?.focus(), [method]);
  const totp = method === 'totp';
  const cleaned = totp ? code.replace(/\D/g, '') : code.trim();
  const ready = totp ? cleaned.length === 6 : cleaned.length >= 6;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    verify.mutate({ method, code: cleaned, ...(totp ? { trustDevice } : {}) }, { onSuccess: onSignedIn });
  };
  const error = verify.isError ? authErrorCopy(verify.error, 'two-factor') : null;
  return (
    <div className="sign-in">
      <form className="sign-in__card" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
        <h1 className="sign-in__title" id={`${id}-title`}>
          Two-factor sign-in
        </h1>
        <p className="sign-in__lead">
          {totp
            ? 'Enter the 6-digit code from your authenticator app.'
            : 'Enter one of the recovery codes you saved when you set up two-factor sign-in. Each works once.'}
        </p>
        {error && (
          <div className="sign-in__error" role="alert" id={`${id}-error`}>
            {error.message}
          </div>
        )}
        <label className="field">
          <span className="field__label">{totp ? 'Authentication code' : 'Recovery code'}</span>
          <input
            ref={inputRef}
            key={method}
            className={`input${totp ? ' sign-in__code' : ''}`}
            name={totp ? 'totp' : 'recovery-code'}
            autoComplete="one-time-code"
            inputMode={totp ? 'numeric' : 'text'}
            pattern={totp ? '[0-9]*' : undefined}
            maxLength={totp ? 7 : 32}
            spellCheck={false}
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
        </label>
        {totp && (
          <label className="sign-in__check">
            <input type="checkbox" checked={trustDevice} onChange={(e) => setTrustDevice(e.target.checked)} />
            Trust this device: skip the code here next time
          </label>
        )}
        <button type="submit" className="button button--primary button--block" disabled={verify.isPending || !ready}>
          {verify.isPending ? 'Checking…' : 'Verify and sign in'}
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setMethod(totp ? 'backup' : 'totp');
            setCode('');
            verify.reset();
          }}
        >
          {totp ? 'Use a recovery code instead' : 'Use your authenticator app instead'}
        </button>
        <button type="button" className="link-button" onClick={onCancel}>
          Back to sign in
        </button>
      </form>
    </div>
  );
}
