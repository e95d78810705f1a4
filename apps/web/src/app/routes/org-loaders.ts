import { redirect, type LoaderFunctionArgs } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import type { Me } from '@roster/contracts';
import { meQueryOptions } from '../../features/auth/api/me-query.ts';
import { findOrgBySlug } from '../../features/orgs/api/org-by-slug.ts';
import { orgPath, withOrgSlug } from '../../lib/org-paths.ts';

/** The id of the `/o/:slug` route, whose loader data every org page reads its org from. */
export const ORG_ROUTE_ID = 'org';

/** What the `/o/:slug` loader hands its pages: the org the slug names. */
export interface OrgRouteData {
  orgId: string;
}

/** An address that leads to no org of yours: the app's "Page not found". */
function notFound(): Response {
  return new Response(null, { status: 404, statusText: 'Not Found' });
}

/** The same page at the org's current slug, with the query string kept. */
function sameAddressAt(request: Request, slug: string): Response {
  const { pathname, search } = new URL(request.url);
  return redirect(withOrgSlug(pathname, slug) + search);
}

function freshMe(queryClient: QueryClient): Promise<Me> {
  return queryClient.fetchQuery({ ...meQueryOptions(), staleTime: 0 });
}

/**
 * `/o/:slug/...`: the slug names one of your orgs in /api/me (no request); else the server says
 * which org it leads to, and an old slug (renamed within the redirect window) or another
 * spelling moves the tab to the current one.
 */
export function orgSlugLoader(queryClient: QueryClient) {
  return async ({ params, request }: LoaderFunctionArgs): Promise<OrgRouteData> => {
    const slug = params.slug ?? '';
    const me = await queryClient.ensureQueryData(meQueryOptions());
    const known = me.organizations.find((o) => o.slug === slug);
    if (known) return { orgId: known.id };
    const org = await findOrgBySlug(slug, request.signal);
    if (!org) throw notFound();
    if (org.slug !== slug) throw sameAddressAt(request, org.slug);
    // The org answers to this slug but the cached list does not have it yet (joined or renamed
    // in another tab): its pages look the org up there, so they need the fresh list.
    await freshMe(queryClient);
    return { orgId: org.id };
  };
}

/** `/o/:slug` itself opens the org's members page. */
export function orgIndexLoader({ params, request }: LoaderFunctionArgs): Response {
  return redirect(orgPath(params.slug ?? '', 'members') + new URL(request.url).search);
}

/**
 * `/orgs/:orgId/...`, the old id-addressed shape (still in bookmarks, mails and other tabs):
 * the same page at the org's slug. The list is read fresh once before giving up, in case the
 * org was only just joined.
 */
export function orgIdLoader(queryClient: QueryClient) {
  return async ({ params, request }: LoaderFunctionArgs): Promise<Response> => {
    const byId = (me: Me) => me.organizations.find((o) => o.id === params.orgId);
    const org = byId(await queryClient.ensureQueryData(meQueryOptions())) ?? byId(await freshMe(queryClient));
    if (!org) throw notFound();
    return sameAddressAt(request, org.slug);
  };
}
