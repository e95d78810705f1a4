import { useNavigate, useSearchParams } from 'react-router';
import { SignInForm } from '../../features/auth/components/sign-in-form.tsx';
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
    </div>
  );
}
