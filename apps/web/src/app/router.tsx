import { createBrowserRouter, redirect, type RouteObject } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import { AppSplash } from './routes/app-splash.tsx';
import { AuthedLayout } from './routes/authed-layout.tsx';
import { authedLoader, indexLoader, signInLoader } from './routes/loaders.ts';
import { MembersRoute } from './routes/members-route.tsx';
import { NoOrganizationsRoute } from './routes/no-organizations-route.tsx';
import { NotFoundRoute } from './routes/not-found-route.tsx';
import { RouteError } from './routes/route-error.tsx';
import { SignInRoute } from './routes/sign-in-route.tsx';

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
        { path: 'no-organizations', element: <NoOrganizationsRoute /> },
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ];
}

export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(appRoutes(queryClient));
}
