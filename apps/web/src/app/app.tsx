import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { orgPath, orgSlugOf } from '../lib/org-paths.ts';
import { createQueryClient } from '../lib/query-client.ts';
import { AppProviders } from './providers.tsx';
import { createAppRouter } from './router.tsx';

/** Builds the query client and router once; a lost session anywhere sends the person to sign in. */
export function App() {
  const [{ queryClient, router }] = useState(() => {
    let toSignIn = () => {};
    let toTwoFactorRequired = () => {};
    const client = createQueryClient({
      onUnauthenticated: () => toSignIn(),
      onTwoFactorRequired: () => toTwoFactorRequired(),
    });
    const appRouter = createAppRouter(client);
    // Loaders redirect on their own; this catches sessions that end while a page is open.
    toSignIn = () => {
      const { initialized, location, navigation } = appRouter.state;
      if (!initialized || navigation.state !== 'idle' || location.pathname === '/sign-in') return;
      const next = encodeURIComponent(location.pathname + location.search);
      // The cached /api/me belongs to the ended session; kept, it would bounce sign-in back here.
      client.clear();
      void appRouter.navigate(`/sign-in?next=${next}`, { replace: true });
    };
    // An org that requires two-factor refuses every route of it: one page explains, whichever asked.
    toTwoFactorRequired = () => {
      const slug = orgSlugOf(appRouter.state.location.pathname);
      if (!slug || appRouter.state.location.pathname.endsWith('/two-factor-required')) return;
      void appRouter.navigate(orgPath(slug, 'two-factor-required'), { replace: true });
    };
    return { queryClient: client, router: appRouter };
  });
  return (
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
