import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import { orgRoutes } from '../app/org-routes.tsx';
import { AppProviders } from '../app/providers.tsx';
import { NotFoundRoute } from '../app/routes/not-found-route.tsx';
import { createQueryClient } from '../lib/query-client.ts';

/** The org pages as the app mounts them (loaders, redirects and all), under a bare layout, opened at `url`. */
export function renderOrgPages(url: string) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const router = createMemoryRouter(
    [
      {
        path: '/',
        element: <Outlet />,
        children: [...orgRoutes(queryClient), { path: '*', element: <NotFoundRoute /> }],
      },
    ],
    { initialEntries: [url] },
  );
  const user = userEvent.setup();
  render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { router, queryClient, user };
}
