import { Link, redirect, useNavigate, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import { meQueryOptions } from '../../features/auth/api/me-query.ts';
import { SignUpForm } from '../../features/auth/components/sign-up-form.tsx';
import { Logo } from '../components/logo.tsx';
import { safeNext } from './safe-next.ts';
import '../app-shell.css';

/** Already signed in: go where the link meant to go. */
export function signUpLoader(queryClient: QueryClient) {
  return async ({ request }: LoaderFunctionArgs) => {
    try {
      await queryClient.fetchQuery(meQueryOptions());
    } catch {
      return null;
    }
    return redirect(safeNext(new URL(request.url).searchParams.get('next')));
  };
}

/** R8: a new account goes straight back to `next` (the invitation), with no onboarding on the way. */
export function SignUpRoute() {
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const next = search.get('next');
  const signInHref = next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in';
  return (
    <div className="sign-in-page">
      <Link to="/" aria-label="Roster">
        <Logo />
      </Link>
      <SignUpForm signInHref={signInHref} onSignedUp={() => void navigate(safeNext(next), { replace: true })} />
    </div>
  );
}
