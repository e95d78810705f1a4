import { useEffect } from 'react';
import { AuthCard } from './auth-card.tsx';
import { ResendVerification } from './resend-verification.tsx';

/** How long "Email verified" stays before the page moves on by itself. */
const CONTINUE_AFTER_MS = 2_500;

interface EmailVerifiedProps {
  /** The server's redirect says why the link failed: `INVALID_TOKEN`, `TOKEN_EXPIRED`, or null on success. */
  error: string | null;
  onContinue: () => void;
  callbackURL: string;
}

/** Where the mailed link lands: confirmation, then on to `next`; or why the link failed, with a resend. */
export function EmailVerified({ error, onContinue, callbackURL }: EmailVerifiedProps) {
  useEffect(() => {
    if (error) return;
    const timer = setTimeout(onContinue, CONTINUE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [error, onContinue]);
  if (error) {
    const expired = error === 'TOKEN_EXPIRED';
    return (
      <AuthCard
        icon="alert"
        tone="danger"
        title={expired ? 'This link has expired' : 'This link doesn’t work'}
        focusTitle
      >
        <p className="sign-in__note" role="alert">
          {expired
            ? 'Verification links work for a limited time. Ask for a new one below.'
            : 'It may have been used already, or a newer link replaced it. Ask for a new one below.'}
        </p>
        <ResendVerification email={null} callbackURL={callbackURL} />
      </AuthCard>
    );
  }
  return (
    <AuthCard icon="check" title="Email verified" focusTitle>
      <p className="sign-in__note" role="status">
        Your address is confirmed and you’re signed in. Taking you to Roster…
      </p>
      <button type="button" className="button button--primary button--block" onClick={onContinue}>
        Continue
      </button>
    </AuthCard>
  );
}
