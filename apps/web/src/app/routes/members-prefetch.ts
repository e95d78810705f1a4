import type { LoaderFunctionArgs } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import { meQueryOptions } from '../../features/auth/api/me-query.ts';
import { membersQueryOptions } from '../../features/members/api/members-query.ts';
import { parseMembersParams } from '../../features/members/hooks/use-members-search-params.ts';

/**
 * The members page's first request starts as soon as the org is known, while the page's code is
 * still on its way, under the very key the page then reads. It is not awaited: the page shows
 * its own loading state, and a refusal (a member who may not see the directory) is the page's
 * to explain.
 */
export async function prefetchMembers(queryClient: QueryClient, { params, request }: LoaderFunctionArgs) {
  const me = await queryClient.ensureQueryData(meQueryOptions());
  const org = me.organizations.find((o) => o.slug === params.slug);
  if (org) {
    const list = membersQueryOptions(org.id, parseMembersParams(new URL(request.url).searchParams));
    void queryClient.prefetchInfiniteQuery(list);
  }
  return null;
}
