import { redirect, type LoaderFunctionArgs } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import { meQueryOptions } from '../../features/auth/api/me-query.ts';
import { isApiError } from '../../lib/api-error.ts';
import { lastOrgId } from '../../features/orgs/utils/last-org.ts';
import { orgPath } from '../../lib/org-paths.ts';
import { safeNext } from './safe-next.ts';

/** Signed-in pages: who we are is loaded before they render; without a session, sign in first. */
export function authedLoader(queryClient: QueryClient) {
  return async ({ request }: LoaderFunctionArgs) => {
    try {
      await queryClient.ensureQueryData(meQueryOptions());
      return null;
    } catch (error) {
      if (!isApiError(error, 'UNAUTHENTICATED')) throw error;
      const { pathname, search } = new URL(request.url);
      const next = pathname === '/' ? '' : `?next=${encodeURIComponent(pathname + search)}`;
      throw redirect(`/sign-in${next}`);
    }
  };
}

/**
 * The app root opens the org this browser was last in (else the first), freshly read so a
 * removal is already reflected.
 */
export function indexLoader(queryClient: QueryClient) {
  return async () => {
    const me = await queryClient.fetchQuery({ ...meQueryOptions(), staleTime: 5_000 }).catch((error: unknown) => {
      if (!isApiError(error, 'UNAUTHENTICATED')) throw error;
      queryClient.clear();
      throw redirect('/sign-in');
    });
    const last = lastOrgId();
    // A deleted org (its creator's alone) opens only when it was the last one open.
    const open =
      me.organizations.find((o) => o.id === last) ??
      me.organizations.find((o) => o.status === 'active') ??
      me.organizations[0];
    return redirect(open ? orgPath(open.slug, 'members') : '/no-organizations');
  };
}

/**
 * Sign-in and sign-up when already signed in: skip the form, and go where `next` meant to go
 * (an invitation link, say).
 */
export function signInLoader(queryClient: QueryClient) {
  return async ({ request }: LoaderFunctionArgs) => {
    try {
      await queryClient.fetchQuery(meQueryOptions());
    } catch {
      return null;
    }
    return redirect(safeNext(new URL(request.url).searchParams.get('next')));
  };
}
