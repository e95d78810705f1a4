import { useState } from 'react';
import { isApiError } from '../../../lib/api-error.ts';
import { useSignIn } from '../api/use-sign-in.ts';
import { authErrorCopy } from '../utils/auth-error-copy.ts';
import { AccountForm, emptyAccountForm, type AccountFormValues } from './account-form.tsx';
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
  const [values, setValues] = useState<AccountFormValues>(emptyAccountForm);
  const signIn = useSignIn();
  const submit = () => {
    const address = values.email.trim();
    signIn.mutate(
      { email: address, password: values.password },
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
          setValues((v) => ({ ...v, password: '' }));
          signIn.reset();
        }}
      />
    );
  }
  const error =
    signIn.isError && !isApiError(signIn.error, 'EMAIL_NOT_VERIFIED') ? authErrorCopy(signIn.error, 'sign-in') : null;
  return (
    <div className="sign-in">
      <AccountForm
        purpose="sign-in"
        className="sign-in__card"
        values={values}
        onChange={setValues}
        touched={false}
        error={error && { message: error.message }}
        pending={signIn.isPending}
        onSubmit={submit}
        focusFirstField
        heading={
          <>
            <h1 className="sign-in__title">Sign in to Roster</h1>
            <p className="sign-in__lead">Manage who belongs to your organization.</p>
          </>
        }
      />
      <DemoAccounts
        onPick={(account) => {
          setValues({ ...emptyAccountForm, email: account.email, password: account.password });
          signIn.reset();
        }}
      />
    </div>
  );
}
