import { useInfiniteQuery } from '@tanstack/react-query';
import { inviteRequestsQueryOptions } from './invite-requests-query.ts';

/**
 * How many requests wait, for the section's badge. While every request is loaded the count
 * follows live events exactly; past one page the server's total stands in until a refetch.
 */
export function useRequestCount(orgId: string, enabled: boolean): string | undefined {
  const { data } = useInfiniteQuery({ ...inviteRequestsQueryOptions(orgId), enabled });
  if (!data) return undefined;
  const count = data.pages.reduce((n, p) => n + p.items.length, 0);
  return String(data.pages.at(-1)?.nextCursor ? Math.max(data.pages[0]?.total ?? 0, count) : count);
}
