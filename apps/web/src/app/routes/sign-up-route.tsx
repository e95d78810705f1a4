import { useNavigate, useSearchParams } from 'react-router';
import { SignUpForm } from '../../features/auth/components/sign-up-form.tsx';
import { AuthPage } from '../components/auth-page.tsx';
import { checkInboxPath, verifiedCallbackURL } from './safe-next.ts';

/** R8 and R18: the mailed link proves the address, signs the person in and returns to `next`. */
export function SignUpRoute() {
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const next = search.get('next');
  const signInHref = next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in';
  return (
    <AuthPage>
      <SignUpForm
        signInHref={signInHref}
        callbackURL={verifiedCallbackURL(next)}
        onSignedUp={(email) => void navigate(checkInboxPath(email, next), { replace: true })}
      />
    </AuthPage>
  );
}
