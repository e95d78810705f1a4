import { useMemo, useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Icon } from '../../../components/ui/icon.tsx';
import { Select, type SelectOption } from '../../../components/ui/select.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import type { InvitationsListParams } from '../api/invitations-keys.ts';
import { invitationsQueryOptions } from '../api/invitations-query.ts';
import { EditInvitationDialog } from './edit-invitation-dialog.tsx';
import { InvitationsTable } from './invitations-table.tsx';
import { RevokeInvitationDialog } from './revoke-invitation-dialog.tsx';
import { useDebouncedValue } from '../hooks/use-debounced-value.ts';
import './invitations.css';

type StatusFilter = NonNullable<InvitationsListParams['status']> | 'ALL';

const statusOptions: SelectOption<StatusFilter>[] = [
  { value: 'ALL', label: 'All statuses' },
  { value: 'pending', label: 'Pending' },
  { value: 'requested', label: 'Waiting approval' },
  { value: 'expired', label: 'Expired' },
];

/** The org's open invitations above the directory (admins only): search, status filter, load more. */
export function InvitationsSection({ orgId, orgName }: { orgId: string; orgName: string }) {
  const [status, setStatus] = useState<StatusFilter>('ALL');
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 250);
  const [open, setOpen] = useState(true);
  const params = useMemo<InvitationsListParams>(
    () => ({ ...(status !== 'ALL' ? { status } : {}), ...(q ? { q } : {}) }),
    [status, q],
  );
  const query = useInfiniteQuery(invitationsQueryOptions(orgId, params));
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const filtered = status !== 'ALL' || Boolean(q);
  if (isApiError(query.error, 'FORBIDDEN')) return null;
  const count = query.data ? `${rows.length}${query.hasNextPage ? '+' : ''}` : '';
  return (
    <section className="invitations-section" aria-labelledby="invitations-title">
      <div className="invitations-section__bar">
        <button
          type="button"
          className="invitations-section__toggle"
          aria-expanded={open}
          aria-controls="invitations-panel"
          onClick={() => setOpen(!open)}
        >
          <Icon name={open ? 'chevronDown' : 'chevronRight'} size={14} />
          <h2 id="invitations-title">Invitations</h2>
          {count && (
            <span className="invitations-section__count" aria-label={`${count} ${filtered ? 'matching' : 'open'}`}>
              {count}
            </span>
          )}
        </button>
        {open && (
          <div className="invitations-section__filters">
            <div className="search-field invitations-section__search">
              <Icon name="search" className="search-field__icon" />
              <input
                type="search"
                className="input search-field__input"
                placeholder="Search invited emails"
                aria-label="Search invitations"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
              />
            </div>
            <Select
              aria-label="Filter invitations by status"
              value={status}
              options={statusOptions}
              onValueChange={setStatus}
              className="invitations-section__status"
            />
          </div>
        )}
      </div>
      {open && (
        <div id="invitations-panel" className="members-card invitations-card">
          {rows.length > 0 ? (
            <div className="invitations-scroll">
              <InvitationsTable orgId={orgId} invitations={rows} />
              {query.hasNextPage && (
                <div className="members-table-footer">
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => void query.fetchNextPage()}
                    disabled={query.isFetchingNextPage}
                  >
                    {query.isFetchingNextPage ? 'Loading…' : 'Load more invitations'}
                  </button>
                </div>
              )}
            </div>
          ) : (
            <div className="invitations-empty">
              {query.isPending ? (
                <Spinner size={16} label="Loading invitations" />
              ) : query.isError ? (
                <>
                  <span>Couldn’t load invitations.</span>
                  <button type="button" className="button button--ghost" onClick={() => void query.refetch()}>
                    Try again
                  </button>
                </>
              ) : filtered ? (
                <span>No invitations match.</span>
              ) : (
                <span>No open invitations. People you invite appear here until they accept.</span>
              )}
            </div>
          )}
        </div>
      )}
      <RevokeInvitationDialog orgId={orgId} orgName={orgName} />
      <EditInvitationDialog orgId={orgId} />
    </section>
  );
}
