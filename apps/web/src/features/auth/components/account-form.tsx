import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import { newPasswordLengthOk, PasswordField } from '../../../components/ui/password-field.tsx';

export interface AccountFormValues {
  name: string;
  email: string;
  password: string;
}

export const emptyAccountForm: AccountFormValues = { name: '', email: '', password: '' };

/** A refusal: under the password field when it is about the password, above the fields otherwise. */
export interface AccountFormError {
  message: ReactNode;
  field?: 'password';
}

interface AccountFormProps {
  purpose: 'sign-in' | 'sign-up';
  values: AccountFormValues;
  onChange: (values: AccountFormValues) => void;
  /** The address is fixed (an invitation's link proved it): shown read-only, with why. */
  lockedEmail?: { address: string; hint: string };
  /** Submitted once: empty required fields are marked. */
  touched: boolean;
  error: AccountFormError | null;
  pending: boolean;
  onSubmit: () => void;
  /** Title and lead, inside the form; `labelledBy` names the form after the title. */
  heading: ReactNode;
  labelledBy?: string;
  className: string;
  /** Focus the first field on arrival: the page's only task. */
  focusFirstField?: boolean;
  footer?: ReactNode;
}

/** Sign-up needs a name and a password long enough; sign-in only something in both boxes. */
export function accountFormComplete(
  purpose: AccountFormProps['purpose'],
  values: AccountFormValues,
  lockedEmail = false,
) {
  const email = lockedEmail || Boolean(values.email.trim());
  if (purpose === 'sign-in') return email && Boolean(values.password);
  return email && Boolean(values.name.trim()) && newPasswordLengthOk(values.password);
}

/**
 * The one form behind sign-in, sign-up and sign-up on an invitation: the same fields, labels,
 * autocomplete hints and error placement, so password managers and people meet one form.
 */
export function AccountForm({
  purpose,
  values,
  onChange,
  lockedEmail,
  touched,
  error,
  pending,
  onSubmit,
  heading,
  labelledBy,
  className,
  focusFirstField = false,
  footer,
}: AccountFormProps) {
  const id = useId();
  const set = (field: keyof AccountFormValues) => (value: string) => onChange({ ...values, [field]: value });
  const signingUp = purpose === 'sign-up';
  const formError = error && error.field !== 'password' ? error.message : null;
  const missing = (value: string) => (touched && !value.trim() ? true : undefined);
  return (
    <form
      className={className}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      noValidate
      aria-labelledby={labelledBy}
      aria-describedby={formError ? `${id}-error` : undefined}
    >
      {heading}
      {formError && (
        <div className="sign-in__error" role="alert" id={`${id}-error`}>
          {formError}
        </div>
      )}
      {lockedEmail && (
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
            value={lockedEmail.address}
            aria-describedby={`${id}-email-hint`}
          />
          <span className="field__hint" id={`${id}-email-hint`}>
            {lockedEmail.hint}
          </span>
        </div>
      )}
      {signingUp && (
        <label className="field">
          <span className="field__label">Name</span>
          <input
            className="input"
            name="name"
            autoComplete="name"
            required
            // eslint-disable-next-line jsx-a11y/no-autofocus -- only when the page has no other task
            autoFocus={focusFirstField}
            maxLength={100}
            value={values.name}
            onChange={(e) => set('name')(e.target.value)}
            aria-invalid={missing(values.name)}
          />
        </label>
      )}
      {!lockedEmail && (
        <label className="field">
          <span className="field__label">Email</span>
          <input
            className="input"
            type="email"
            name="email"
            autoComplete="username"
            required
            // eslint-disable-next-line jsx-a11y/no-autofocus -- only when the page has no other task
            autoFocus={focusFirstField && !signingUp}
            maxLength={254}
            value={values.email}
            onChange={(e) => set('email')(e.target.value)}
            aria-invalid={signingUp ? missing(values.email) : error ? true : undefined}
          />
        </label>
      )}
      {signingUp ? (
        <PasswordField
          label="Password"
          autoComplete="new-password"
          value={values.password}
          onChange={set('password')}
          touched={touched}
          error={error?.field === 'password' && typeof error.message === 'string' ? error.message : null}
        />
      ) : (
        <div className="field">
          <div className="sign-in__row">
            <label className="field__label" htmlFor={`${id}-password`}>
              Password
            </label>
            <Link className="sign-in__link" to="/forgot-password">
              Forgot password?
            </Link>
          </div>
          <input
            id={`${id}-password`}
            className="input"
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={values.password}
            onChange={(e) => set('password')(e.target.value)}
            aria-invalid={error ? true : undefined}
          />
        </div>
      )}
      <button
        type="submit"
        className="button button--primary button--block"
        disabled={pending || (!signingUp && !accountFormComplete('sign-in', values))}
      >
        {signingUp ? (pending ? 'Creating account…' : 'Create account') : pending ? 'Signing in…' : 'Sign in'}
      </button>
      {footer}
    </form>
  );
}
