import type { UseInfiniteQueryResult } from '@tanstack/react-query';
import { LoadError } from '../../../components/ui/load-error.tsx';
import { StatePanel } from '../../../components/ui/state-panel.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import type { MembersListParams } from '../api/members-keys.ts';
import { MembersSkeleton } from './members-skeleton.tsx';

interface ListStateProps {
  query: Pick<UseInfiniteQueryResult, 'isPending' | 'isError' | 'error' | 'refetch' | 'isFetching'>;
  params: MembersListParams;
  onClearFilters: () => void;
}

/** Everything the card shows when there are no rows: loading, failure, or nothing to show. */
export function MembersListState({ query, params, onClearFilters }: ListStateProps) {
  if (query.isPending) return <MembersSkeleton />;
  if (query.isError) {
    const message =
      isApiError(query.error) && query.error.status === 0
        ? query.error.message
        : 'The server could not return the list just now.';
    return (
      <LoadError title="Couldn’t load members" onRetry={() => void query.refetch()} retrying={query.isFetching}>
        {message}
      </LoadError>
    );
  }
  if (params.q || params.role || params.twoFactor) {
    return (
      <StatePanel
        icon="search"
        title="No members match"
        actions={
          <button type="button" className="button button--secondary" onClick={onClearFilters}>
            Clear filters
          </button>
        }
      >
        <p>
          {params.q
            ? `No one’s name or email contains “${params.q}”`
            : params.role
              ? 'No one has this role'
              : `No one has two-factor sign-in ${params.twoFactor}`}
          {params.q && params.role ? ' with this role.' : '.'}
        </p>
      </StatePanel>
    );
  }
  return (
    <StatePanel icon="users" title="No members yet">
      <p>People who join this organization will appear here.</p>
    </StatePanel>
  );
}
