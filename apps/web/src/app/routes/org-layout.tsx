import { lazy, Suspense, useEffect } from 'react';
import {
  isRouteErrorResponse,
  Outlet,
  useLoaderData,
  useLocation,
  useNavigate,
  useParams,
  useRouteError,
} from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { meQueryOptions } from '../../features/auth/api/me-query.ts';
import { withOrgSlug } from '../../lib/org-paths.ts';
import { NotFoundRoute } from './not-found-route.tsx';
import type { OrgRouteData } from './org-loaders.ts';

// Only a deleted org's creator ever sees it: no org page's first load carries it.
const DeletedOrgPage = lazy(async () => ({
  default: (await import('../../features/orgs/components/deleted-org-page.tsx')).DeletedOrgPage,
}));

/**
 * Every `/o/:slug` page. When the org's slug changes while it is open (renamed here, in another
 * tab or by another admin), the address follows in place: same page, query and scroll, no reload,
 * and no history entry for the old slug. A deleted org shows its deleted page instead of any of its pages.
 */
export function OrgLayout() {
  const { orgId } = useLoaderData<OrgRouteData>();
  const { slug } = useParams();
  const { data: me } = useQuery(meQueryOptions());
  const org = me?.organizations.find((o) => o.id === orgId);
  const currentSlug = org?.slug;
  const { pathname, search, hash } = useLocation();
  const navigate = useNavigate();
  useEffect(() => {
    if (!currentSlug || currentSlug === slug) return;
    void navigate(
      { pathname: withOrgSlug(pathname, currentSlug), search, hash },
      { replace: true, preventScrollReset: true },
    );
  }, [currentSlug, slug, pathname, search, hash, navigate]);
  // Only the creator still has a deleted org in /api/me: each of its pages is the way back.
  if (org?.status === 'pending_deletion')
    return (
      <Suspense>
        <DeletedOrgPage org={org} />
      </Suspense>
    );
  return <Outlet />;
}

/** A slug or id that leads to no org of yours is an address with nothing at it. */
export function OrgRouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundRoute />;
  // Anything else (server unreachable...) is the app-wide error page's to explain.
  throw error;
}
