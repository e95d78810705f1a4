import { useId, useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../../lib/api-error.ts';
import { useInvitationSignUp } from '../api/use-invitation-sign-up.ts';
import {
  AccountForm,
  accountFormComplete,
  emptyAccountForm,
  type AccountFormError,
  type AccountFormValues,
} from '../../auth/components/account-form.tsx';
import { inviteeErrorCopy } from '../utils/invitee-error-copy.ts';

interface InvitationSignUpProps {
  token: string;
  /** The invited address, when the server tells it to the link's holder. */
  email: string | null;
  signInHref: string;
}

/** A newcomer creates their account right on the invitation: the address is the invitation's. */
export function InvitationSignUp({ token, email, signInHref }: InvitationSignUpProps) {
  const [values, setValues] = useState<AccountFormValues>(emptyAccountForm);
  const [touched, setTouched] = useState(false);
  const signUp = useInvitationSignUp(token);
  const id = useId();
  const submit = () => {
    setTouched(true);
    if (accountFormComplete('sign-up', values, true)) {
      signUp.mutate({ name: values.name.trim(), password: values.password });
    }
  };
  const weak = isApiError(signUp.error, 'WEAK_PASSWORD') ? signUp.error.message : null;
  return (
    <AccountForm
      purpose="sign-up"
      className="invitee-signup"
      labelledBy={`${id}-title`}
      values={values}
      onChange={(next) => {
        if (weak && next.password !== values.password) signUp.reset();
        setValues(next);
      }}
      lockedEmail={{
        address: email ?? 'The address this invitation was sent to',
        hint: 'The invitation’s address. Following its link proved it’s yours.',
      }}
      touched={touched}
      error={weak ? { message: weak, field: 'password' } : refusal(signUp.error, signInHref)}
      pending={signUp.isPending}
      onSubmit={submit}
      heading={
        <h2 className="invitee-signup__title" id={`${id}-title`}>
          New to Roster? Create your account
        </h2>
      }
    />
  );
}

function refusal(error: unknown, signInHref: string): AccountFormError | null {
  if (!error) return null;
  if (isApiError(error, 'ACCOUNT_EXISTS')) {
    return {
      message: (
        <>
          You already have an account for this address. <Link to={signInHref}>Sign in</Link> to accept the invitation.
        </>
      ),
    };
  }
  const copy = inviteeErrorCopy(error);
  return {
    message: (
      <>
        <strong>{copy.title}.</strong> {copy.description}
      </>
    ),
  };
}
