import { Link, useNavigate, useSearchParams } from 'react-router';
import { SignInForm } from '../../features/auth/components/sign-in-form.tsx';
import { DevMailboxLink } from '../../features/invitee/components/dev-mailbox-link.tsx';
import { AuthPage } from '../components/auth-page.tsx';
import { checkInboxPath, safeNext } from './safe-next.ts';

export function SignInRoute() {
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const next = search.get('next');
  return (
    <AuthPage
      footer={
        <>
          <span>
            New to Roster?{' '}
            <Link to={next ? `/sign-up?next=${encodeURIComponent(next)}` : '/sign-up'}>Create an account</Link>
          </span>
          <DevMailboxLink variant="text" />
        </>
      }
    >
      <SignInForm
        onSignedIn={() => void navigate(safeNext(next), { replace: true })}
        onEmailNotVerified={(email) => void navigate(checkInboxPath(email, next, 'unverified'))}
      />
    </AuthPage>
  );
}
