import type { UseInfiniteQueryResult } from '@tanstack/react-query';
import { LoadError } from '../../../components/ui/load-error.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { StatePanel } from '../../../components/ui/state-panel.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { hasAuditFilters, type AuditFilterParams } from '../hooks/use-audit-search-params.ts';

interface ListStateProps {
  query: Pick<UseInfiniteQueryResult, 'isPending' | 'isError' | 'error' | 'refetch' | 'isFetching'>;
  filters: AuditFilterParams;
  onClearFilters: () => void;
}

/** What the card shows when there are no entries: loading, failure, or nothing to show. */
export function AuditListState({ query, filters, onClearFilters }: ListStateProps) {
  if (query.isPending)
    return (
      <div className="audit-loading">
        <Spinner size={18} label="Loading the audit log" />
      </div>
    );
  if (query.isError) {
    const message =
      isApiError(query.error) && query.error.status === 0
        ? query.error.message
        : 'The server could not return the log just now.';
    return (
      <LoadError title="Couldn’t load the audit log" onRetry={() => void query.refetch()} retrying={query.isFetching}>
        {message}
      </LoadError>
    );
  }
  if (hasAuditFilters(filters))
    return (
      <StatePanel
        icon="search"
        title="No entries match"
        actions={
          <button type="button" className="button button--secondary" onClick={onClearFilters}>
            Clear filters
          </button>
        }
      >
        <p>Nothing in the log matches these filters.</p>
      </StatePanel>
    );
  return (
    <StatePanel icon="clock" title="Nothing recorded yet">
      <p>Every change to the organization’s members, invitations, workspaces and settings will be listed here.</p>
    </StatePanel>
  );
}
