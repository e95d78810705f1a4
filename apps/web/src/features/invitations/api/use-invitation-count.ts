import { useInfiniteQuery } from '@tanstack/react-query';
import { invitationsQueryOptions } from './invitations-query.ts';

/**
 * How many invitations are open, for the section's badge: the unfiltered list's loaded rows,
 * with a "+" while more pages wait. Live events patch that list, so the badge follows them.
 */
export function useInvitationCount(orgId: string, enabled: boolean): string | undefined {
  const { data, hasNextPage } = useInfiniteQuery({ ...invitationsQueryOptions(orgId, {}), enabled });
  if (!data) return undefined;
  const count = data.pages.reduce((n, page) => n + page.items.length, 0);
  return `${count}${hasNextPage ? '+' : ''}`;
}
