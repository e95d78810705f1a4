import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useConfirmTwoFactor } from '../api/use-two-factor.ts';
import { accountErrorCopy } from '../utils/account-error-copy.ts';
import { QrCode, totpSecret } from './qr-code.tsx';
import { RecoveryCodes } from './recovery-codes.tsx';

interface TwoFactorSetupProps {
  totpURI: string;
  backupCodes: string[];
  onDone: () => void;
  onCancel: () => void;
}

/** Scan (or type) the secret, keep the recovery codes, and prove it works with a first code. */
export function TwoFactorSetup({ totpURI, backupCodes, onDone, onCancel }: TwoFactorSetupProps) {
  const [code, setCode] = useState('');
  const confirm = useConfirmTwoFactor();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const secret = totpSecret(totpURI);
  const digits = code.replace(/\D/g, '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (digits.length === 6) confirm.mutate(digits, { onSuccess: onDone });
  };
  const error = confirm.isError ? accountErrorCopy(confirm.error, 'two-factor-code') : null;
  return (
    <div className="two-factor-setup">
      <h3 ref={headingRef} tabIndex={-1} className="two-factor-setup__title">
        Set up your authenticator app
      </h3>
      <ol className="two-factor-setup__steps">
        <li>
          <p>Scan this code with an authenticator app (1Password, Google Authenticator, Authy…).</p>
          <div className="two-factor-setup__scan">
            <QrCode value={totpURI} label="QR code for your authenticator app" />
            {secret && (
              <div>
                <p className="field__hint">Can’t scan it? Enter this key instead:</p>
                <code className="two-factor-setup__secret" aria-label={`Setup key ${secret}`}>
                  {secret}
                </code>
              </div>
            )}
          </div>
        </li>
        <li>
          <p>Save your recovery codes somewhere safe. If you lose your phone, each one signs you in once.</p>
          <RecoveryCodes codes={backupCodes} />
        </li>
        <li>
          <form className="account-row" onSubmit={submit} noValidate>
            <label className="field account-row__field">
              <span className="field__label">Enter the 6-digit code from the app</span>
              <input
                className="input two-factor-setup__code"
                name="totp"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={7}
                value={code}
                onChange={(e) => setCode(e.target.value)}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? 'two-factor-setup-error' : undefined}
              />
            </label>
            <div className="account-row__buttons">
              <button type="button" className="button button--ghost" onClick={onCancel}>
                Cancel
              </button>
              <button
                type="submit"
                className="button button--primary"
                disabled={confirm.isPending || digits.length !== 6}
              >
                {confirm.isPending ? 'Checking…' : 'Turn on'}
              </button>
            </div>
            {error && (
              <p id="two-factor-setup-error" className="account-error account-row__full" role="alert">
                {error.message}
              </p>
            )}
          </form>
        </li>
      </ol>
    </div>
  );
}
