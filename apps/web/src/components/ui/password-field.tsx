import { useId } from 'react';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@roster/contracts';
import './field.css';

interface PasswordFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** `new-password` shows the length rule under the field; `current-password` does not. */
  autoComplete: 'new-password' | 'current-password';
  /** The form was submitted: an empty or short value is flagged now. */
  touched?: boolean;
  /** A refusal to show under the field (the server's `WEAK_PASSWORD` message, say). */
  error?: string | null | undefined;
  name?: string;
  autoFocus?: boolean;
}

/** Whether a new password has an acceptable length; strength is the server's call. */
export const newPasswordLengthOk = (value: string) =>
  value.length >= PASSWORD_MIN_LENGTH && value.length <= PASSWORD_MAX_LENGTH;

/** A labelled password input with its rule and its error read out with it (aria-describedby). */
export function PasswordField({
  label,
  value,
  onChange,
  autoComplete,
  touched = false,
  error,
  name = 'password',
  autoFocus,
}: PasswordFieldProps) {
  const hintId = useId();
  const errorId = useId();
  const isNew = autoComplete === 'new-password';
  const short = isNew && value.length > 0 && value.length < PASSWORD_MIN_LENGTH;
  const lengthWrong = isNew ? !newPasswordLengthOk(value) : value.length === 0;
  const invalid = Boolean(error) || ((touched || short) && lengthWrong);
  const describedBy = [isNew ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label className="field__label" htmlFor={`${hintId}-input`}>
        {label}
      </label>
      <input
        id={`${hintId}-input`}
        className="input"
        type="password"
        name={name}
        autoComplete={autoComplete}
        required
        // eslint-disable-next-line jsx-a11y/no-autofocus -- the form's first field, on a page of its own
        autoFocus={autoFocus}
        maxLength={PASSWORD_MAX_LENGTH}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
      />
      {isNew && (
        <span id={hintId} className={`field__hint${short && !error ? ' field__error' : ''}`}>
          At least {PASSWORD_MIN_LENGTH} characters. A few unrelated words work well.
        </span>
      )}
      {error && (
        <span id={errorId} className="field__error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
