import { createBrowserRouter, redirect, type RouteObject } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import { AppSplash } from './routes/app-splash.tsx';
import { AuthedLayout } from './routes/authed-layout.tsx';
import { authedLoader, indexLoader, signInLoader } from './routes/loaders.ts';
import { MembersRoute } from './routes/members-route.tsx';
import { SettingsRoute } from './routes/settings-route.tsx';
import { WorkspaceRoute, WorkspacesRoute } from './routes/workspaces-route.tsx';
import { NoOrganizationsRoute } from './routes/no-organizations-route.tsx';
import { NotFoundRoute } from './routes/not-found-route.tsx';
import { RouteError } from './routes/route-error.tsx';
import { SignInRoute } from './routes/sign-in-route.tsx';
import { DevMailboxRoute } from './routes/dev-mailbox-route.tsx';
import { InvitationRoute } from './routes/invitation-route.tsx';
import { OrgWelcomeRoute } from './routes/org-welcome-route.tsx';
import { SignUpRoute, signUpLoader } from './routes/sign-up-route.tsx';

export function appRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      path: '/sign-in',
      loader: signInLoader(queryClient),
      element: <SignInRoute />,
      errorElement: <RouteError />,
      hydrateFallbackElement: <AppSplash />,
    },
    {
      path: '/sign-up',
      loader: signUpLoader(queryClient),
      element: <SignUpRoute />,
      errorElement: <RouteError />,
      hydrateFallbackElement: <AppSplash />,
    },
    // Public: the mail's link works signed out (R8), and so does the dev mailbox.
    { path: '/invitations/:token', element: <InvitationRoute />, errorElement: <RouteError /> },
    { path: '/dev/mailbox', element: <DevMailboxRoute />, errorElement: <RouteError /> },
    {
      path: '/',
      loader: authedLoader(queryClient),
      element: <AuthedLayout />,
      errorElement: <RouteError />,
      hydrateFallbackElement: <AppSplash />,
      children: [
        // Redirect-only routes still render for a moment: an empty element keeps that quiet.
        { index: true, loader: indexLoader(queryClient), element: <></> },
        { path: 'orgs/:orgId', loader: ({ params }) => redirect(`/orgs/${params.orgId}/members`), element: <></> },
        { path: 'orgs/:orgId/members', element: <MembersRoute /> },
        { path: 'orgs/:orgId/settings', element: <SettingsRoute /> },
        { path: 'orgs/:orgId/workspaces', element: <WorkspacesRoute /> },
        { path: 'orgs/:orgId/workspaces/:wsId', element: <WorkspaceRoute /> },
        { path: 'orgs/:orgId/welcome', element: <OrgWelcomeRoute /> },
        { path: 'no-organizations', element: <NoOrganizationsRoute /> },
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ];
}

export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(appRoutes(queryClient));
}
