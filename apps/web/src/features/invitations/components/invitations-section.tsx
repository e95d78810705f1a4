import { useMemo, useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { SearchBox } from '../../../components/ui/search-field.tsx';
import { Select, type SelectOption } from '../../../components/ui/select.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { usePhoneLayout } from '../../../lib/breakpoints.ts';
import { pageSearchProps } from '../../../lib/keyboard-shortcuts.ts';
import type { InvitationsListParams } from '../api/invitations-keys.ts';
import { invitationsQueryOptions } from '../api/invitations-query.ts';
import { EditInvitationDialog } from './edit-invitation-dialog.tsx';
import { InvitationCards } from './invitation-cards.tsx';
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

/**
 * The org's open invitations, a section of the members page (admins only): search, status
 * filter, load more. A table on wide screens, cards on phones.
 */
export function InvitationsSection({ orgId, orgName }: { orgId: string; orgName: string }) {
  const [status, setStatus] = useState<StatusFilter>('ALL');
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 250);
  const params = useMemo<InvitationsListParams>(
    () => ({ ...(status !== 'ALL' ? { status } : {}), ...(q ? { q } : {}) }),
    [status, q],
  );
  const query = useInfiniteQuery(invitationsQueryOptions(orgId, params));
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const filtered = status !== 'ALL' || Boolean(q);
  const phone = usePhoneLayout();
  if (isApiError(query.error, 'FORBIDDEN')) return null;
  const loaded = query.data ? `${rows.length}${query.hasNextPage ? '+' : ''}` : '';
  return (
    <section className="invitations-section" aria-labelledby="invitations-title">
      <h2 id="invitations-title" className="visually-hidden">
        Invitations
      </h2>
      <div className="invitations-section__bar">
        <SearchBox
          className="invitations-section__search"
          placeholder="Search invited emails"
          aria-label="Search invitations"
          {...pageSearchProps}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <Select
          aria-label="Filter invitations by status"
          value={status}
          options={statusOptions}
          onValueChange={setStatus}
          className="invitations-section__status"
        />
        <p className="members-toolbar__count" aria-live="polite">
          {loaded && `${loaded} ${filtered ? 'matching' : 'open'}`}
        </p>
      </div>
      <div className="members-card invitations-card">
        {rows.length > 0 ? (
          <div className="invitations-scroll">
            {phone ? (
              <InvitationCards orgId={orgId} invitations={rows} />
            ) : (
              <InvitationsTable orgId={orgId} invitations={rows} />
            )}
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
      <RevokeInvitationDialog orgId={orgId} orgName={orgName} />
      <EditInvitationDialog orgId={orgId} />
    </section>
  );
}
