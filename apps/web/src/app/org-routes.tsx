import type { RouteObject } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import { page } from './lazy-page.ts';
import { prefetchMembers } from './routes/members-prefetch.ts';
import { ORG_ROUTE_ID, orgIdLoader, orgIndexLoader, orgSlugLoader } from './routes/org-loaders.ts';

const orgLayout = () => import('./routes/org-layout.tsx');

/**
 * An org's pages, at `/o/:slug/...` so a link names the org and each tab can sit in its own.
 * The `/o/:slug` loader turns the slug into the org's id, which the pages go on using.
 */
export function orgRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      id: ORG_ROUTE_ID,
      path: 'o/:slug',
      loader: orgSlugLoader(queryClient),
      // The slug is all the loader reads: a page's own query string (search, sort) needs no new look-up.
      shouldRevalidate: ({ currentParams, nextParams }) => currentParams.slug !== nextParams.slug,
      lazy: {
        Component: async () => (await orgLayout()).OrgLayout,
        ErrorBoundary: async () => (await orgLayout()).OrgRouteError,
      },
      children: [
        // Redirect-only routes still render for a moment: an empty element keeps that quiet.
        { index: true, loader: orgIndexLoader, element: <></> },
        {
          path: 'members',
          // In the main chunk, so the request does not wait for the page's own code first.
          loader: (args) => prefetchMembers(queryClient, args),
          lazy: page(() => import('./routes/members-route.tsx'), 'MembersRoute'),
        },
        { path: 'settings', lazy: page(() => import('./routes/settings-route.tsx'), 'SettingsRoute') },
        { path: 'audit', lazy: page(() => import('./routes/audit-route.tsx'), 'AuditRoute') },
        { path: 'developers', lazy: page(() => import('./routes/developers-route.tsx'), 'DevelopersRoute') },
        { path: 'workspaces', lazy: page(() => import('./routes/workspaces-route.tsx'), 'WorkspacesRoute') },
        { path: 'workspaces/:wsId', lazy: page(() => import('./routes/workspaces-route.tsx'), 'WorkspaceRoute') },
        { path: 'welcome', lazy: page(() => import('./routes/org-welcome-route.tsx'), 'OrgWelcomeRoute') },
        {
          path: 'two-factor-required',
          lazy: page(() => import('./routes/two-factor-required-route.tsx'), 'TwoFactorRequiredRoute'),
        },
      ],
    },
    // The old id-addressed pages (bookmarks, mails, just-accepted invitations) move to the slug's.
    {
      path: 'orgs/:orgId/*',
      loader: orgIdLoader(queryClient),
      element: <></>,
      lazy: async () => ({ ErrorBoundary: (await orgLayout()).OrgRouteError }),
    },
  ];
}
