import type { ComponentType } from 'react';
import { createBrowserRouter, redirect, type RouteObject } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import { AppSplash } from './routes/app-splash.tsx';
import { authedLoader, indexLoader, signInLoader } from './routes/loaders.ts';
import { RouteError } from './routes/route-error.tsx';

/*
 * Every page is its own chunk, fetched when its route matches: the sign-in page never downloads
 * the members table, and the members page never downloads settings. Loaders, the splash and the
 * error page stay in the main chunk: a loader starts while its page's chunk is still on the way,
 * and the error page must be there to say so when a chunk fails to load (a deploy replaced it).
 */
function page<K extends string, M extends Record<K, ComponentType>>(load: () => Promise<M>, name: K) {
  return async () => ({ Component: (await load())[name] });
}

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
        { path: 'orgs/:orgId', loader: ({ params }) => redirect(`/orgs/${params.orgId}/members`), element: <></> },
        { path: 'orgs/:orgId/members', lazy: page(() => import('./routes/members-route.tsx'), 'MembersRoute') },
        { path: 'orgs/:orgId/settings', lazy: page(() => import('./routes/settings-route.tsx'), 'SettingsRoute') },
        {
          path: 'orgs/:orgId/workspaces',
          lazy: page(() => import('./routes/workspaces-route.tsx'), 'WorkspacesRoute'),
        },
        {
          path: 'orgs/:orgId/workspaces/:wsId',
          lazy: page(() => import('./routes/workspaces-route.tsx'), 'WorkspaceRoute'),
        },
        { path: 'orgs/:orgId/welcome', lazy: page(() => import('./routes/org-welcome-route.tsx'), 'OrgWelcomeRoute') },
        {
          path: 'orgs/:orgId/two-factor-required',
          lazy: page(() => import('./routes/two-factor-required-route.tsx'), 'TwoFactorRequiredRoute'),
        },
        { path: 'account', lazy: page(() => import('./routes/account-route.tsx'), 'AccountRoute') },
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
