import { useState } from 'react';
import { Link } from 'react-router';
import { useSignUp } from '../api/use-sign-up.ts';
import { authErrorCopy } from '../utils/auth-error-copy.ts';
import { AccountForm, accountFormComplete, emptyAccountForm, type AccountFormValues } from './account-form.tsx';
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
  const [values, setValues] = useState<AccountFormValues>(emptyAccountForm);
  const [touched, setTouched] = useState(false);
  const signUp = useSignUp();
  const submit = () => {
    setTouched(true);
    if (!accountFormComplete('sign-up', values)) return;
    const address = values.email.trim();
    signUp.mutate(
      { name: values.name.trim(), email: address, password: values.password, callbackURL },
      { onSuccess: () => onSignedUp(address) },
    );
  };
  const error = signUp.isError ? authErrorCopy(signUp.error, 'sign-up') : null;
  return (
    <div className="sign-in">
      <AccountForm
        purpose="sign-up"
        className="sign-in__card"
        values={values}
        onChange={(next) => {
          // A refused password is told until it is changed.
          if (error?.field === 'password' && next.password !== values.password) signUp.reset();
          setValues(next);
        }}
        touched={touched}
        error={error}
        pending={signUp.isPending}
        onSubmit={submit}
        focusFirstField
        heading={
          <>
            <h1 className="sign-in__title">Create your account</h1>
            <p className="sign-in__lead">One account for every organization that invites you.</p>
          </>
        }
        footer={
          <p className="sign-up__switch">
            Already have an account? <Link to={signInHref}>Sign in</Link>
          </p>
        }
      />
    </div>
  );
}
