import { Link, useNavigate, useSearchParams } from 'react-router';
import { SignInForm } from '../../features/auth/components/sign-in-form.tsx';
import { DevMailboxLink } from '../../features/invitee/components/dev-mailbox-link.tsx';
import { Logo } from '../components/logo.tsx';
import '../app-shell.css';

/** Only same-app paths are honoured as `next`, so a crafted link cannot send people elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInRoute() {
  const navigate = useNavigate();
  const [search] = useSearchParams();
  return (
    <div className="sign-in-page">
      <Logo />
      <SignInForm onSignedIn={() => void navigate(safeNext(search.get('next')), { replace: true })} />
      <footer className="sign-in-page__footer">
        <span>
          New to Roster?{' '}
          <Link to={search.get('next') ? `/sign-up?next=${encodeURIComponent(search.get('next')!)}` : '/sign-up'}>
            Create an account
          </Link>
        </span>
        <DevMailboxLink variant="text" />
      </footer>
    </div>
  );
}
