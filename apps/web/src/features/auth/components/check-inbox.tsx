import { Link } from 'react-router';
import { AuthCard } from './auth-card.tsx';
import { ResendVerification } from './resend-verification.tsx';

interface CheckInboxProps {
  email: string | null;
  callbackURL: string;
  /** `unverified`: sign-in was refused until the address is proven; a fresh link was mailed. */
  reason: 'signed-up' | 'unverified';
  signInHref: string;
}

/** After sign-up (or a refused sign-in): the link is in the mail; resend it from here. */
export function CheckInbox({ email, callbackURL, reason, signInHref }: CheckInboxProps) {
  return (
    <AuthCard icon="mail" title="Check your inbox" focusTitle>
      {reason === 'unverified' && (
        <p className="sign-in__status sign-in__status--info" role="status">
          Verify your email address before you sign in. We just sent you a fresh link.
        </p>
      )}
      <p className="sign-in__note">
        {email ? (
          <>
            We sent a link to <strong>{email}</strong>.
          </>
        ) : (
          'We sent you a link.'
        )}{' '}
        Follow it to confirm the address and sign in. It may take a minute to arrive; check your spam folder too.
      </p>
      <ResendVerification email={email} callbackURL={callbackURL} />
      <p className="sign-up__switch">
        Wrong address? <Link to="/sign-up">Start again</Link> · <Link to={signInHref}>Sign in</Link>
      </p>
    </AuthCard>
  );
}
