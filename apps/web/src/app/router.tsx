import { createBrowserRouter, type RouteObject } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import { page } from './lazy-page.ts';
import { orgRoutes } from './org-routes.tsx';
import { AppSplash } from './routes/app-splash.tsx';
import { authedLoader, indexLoader, signInLoader } from './routes/loaders.ts';
import { RouteError } from './routes/route-error.tsx';

/** A top-level route: the splash while its chunk and loader arrive, the error page if either fails. */
const topLevel = { errorElement: <RouteError />, hydrateFallbackElement: <AppSplash /> };

export function appRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      path: '/sign-in',
      loader: signInLoader(queryClient),
      lazy: page(() => import('./routes/sign-in-route.tsx'), 'SignInRoute'),
      ...topLevel,
    },
    {
      path: '/sign-up',
      loader: signInLoader(queryClient),
      lazy: page(() => import('./routes/sign-up-route.tsx'), 'SignUpRoute'),
      ...topLevel,
    },
    // Public: the steps of proving an address and recovering a password, all signed out.
    {
      path: '/check-inbox',
      lazy: page(() => import('./routes/account-recovery-routes.tsx'), 'CheckInboxRoute'),
      ...topLevel,
    },
    {
      path: '/verified',
      lazy: page(() => import('./routes/account-recovery-routes.tsx'), 'VerifiedRoute'),
      ...topLevel,
    },
    {
      path: '/forgot-password',
      lazy: page(() => import('./routes/account-recovery-routes.tsx'), 'ForgotPasswordRoute'),
      ...topLevel,
    },
    {
      path: '/reset-password',
      lazy: page(() => import('./routes/account-recovery-routes.tsx'), 'ResetPasswordRoute'),
      ...topLevel,
    },
    // Public: the mail's link works signed out (R8), and so does the dev mailbox.
    {
      path: '/invitations/:token',
      lazy: page(() => import('./routes/invitation-route.tsx'), 'InvitationRoute'),
      ...topLevel,
    },
    {
      path: '/dev/mailbox',
      lazy: page(() => import('./routes/dev-mailbox-route.tsx'), 'DevMailboxRoute'),
      ...topLevel,
    },
    {
      path: '/',
      loader: authedLoader(queryClient),
      lazy: page(() => import('./routes/authed-layout.tsx'), 'AuthedLayout'),
      ...topLevel,
      children: [
        // Redirect-only routes still render for a moment: an empty element keeps that quiet.
        { index: true, loader: indexLoader(queryClient), element: <></> },
        ...orgRoutes(queryClient),
        { path: 'account', lazy: page(() => import('./routes/account-route.tsx'), 'AccountRoute') },
        // The domain verification mail's link: signed in, as whoever reads that mailbox.
        {
          path: 'verify-domain',
          lazy: page(() => import('./routes/verify-domain-route.tsx'), 'VerifyDomainRoute'),
        },
        {
          path: 'no-organizations',
          lazy: page(() => import('./routes/no-organizations-route.tsx'), 'NoOrganizationsRoute'),
        },
        { path: '*', lazy: page(() => import('./routes/not-found-route.tsx'), 'NotFoundRoute') },
      ],
    },
  ];
}

export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(appRoutes(queryClient));
}
