import { useCallback } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { CheckInbox } from '../../features/auth/components/check-inbox.tsx';
import { EmailVerified } from '../../features/auth/components/email-verified.tsx';
import { ForgotPasswordForm } from '../../features/auth/components/forgot-password-form.tsx';
import { ResetPasswordForm } from '../../features/auth/components/reset-password-form.tsx';
import { DevMailboxLink } from '../../features/invitee/components/dev-mailbox-link.tsx';
import { AuthPage } from '../components/auth-page.tsx';
import { safeNext, verifiedCallbackURL } from './safe-next.ts';

/** `/check-inbox?email=…&next=…`: after sign-up, or a sign-in refused until the address is proven. */
export function CheckInboxRoute() {
  const [search] = useSearchParams();
  const next = search.get('next');
  return (
    <AuthPage footer={<DevMailboxLink variant="text" />}>
      <CheckInbox
        email={search.get('email')}
        reason={search.get('reason') === 'unverified' ? 'unverified' : 'signed-up'}
        callbackURL={verifiedCallbackURL(next)}
        signInHref={next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in'}
      />
    </AuthPage>
  );
}

/** `/verified[?next=…][&error=…]`: where the server's verify-email redirect lands. */
export function VerifiedRoute() {
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const next = search.get('next');
  const onContinue = useCallback(() => {
    // The link signed someone in: whatever was cached belongs to no one now.
    queryClient.removeQueries();
    void navigate(safeNext(next), { replace: true });
  }, [queryClient, navigate, next]);
  return (
    <AuthPage>
      <EmailVerified error={search.get('error')} onContinue={onContinue} callbackURL={verifiedCallbackURL(next)} />
    </AuthPage>
  );
}

export function ForgotPasswordRoute() {
  return (
    <AuthPage footer={<DevMailboxLink variant="text" />}>
      <ForgotPasswordForm />
    </AuthPage>
  );
}

/** `/reset-password?token=…` (or `?error=INVALID_TOKEN`), the end of the mailed reset link. */
export function ResetPasswordRoute() {
  const [search] = useSearchParams();
  return (
    <AuthPage>
      <ResetPasswordForm token={search.get('token')} linkError={search.get('error')} />
    </AuthPage>
  );
}
