import { useCallback, useMemo, useRef } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditEntry, OrgRole } from '@roster/contracts';
import { StatePanel } from '../../../components/ui/state-panel.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { usePhoneLayout } from '../../../lib/breakpoints.ts';
import { auditQueryOptions } from '../api/audit-query.ts';
import { useAuditLiveTail } from '../hooks/use-audit-live-tail.ts';
import { useAuditSearchParams } from '../hooks/use-audit-search-params.ts';
import { AuditCards } from './audit-cards.tsx';
import { AuditExport } from './audit-export.tsx';
import { AuditFilterBar } from './audit-filter-bar.tsx';
import type { AuditListHandle } from './audit-list-props.ts';
import { AuditListState } from './audit-list-state.tsx';
import { AuditTable } from './audit-table.tsx';
import { NewEntriesPill } from './new-entries-pill.tsx';
import './audit.css';
import { PresenceTitle } from '../../../lib/presence/presence-title.tsx';

interface AuditPageProps {
  orgId: string;
  orgName: string;
  viewerRole: OrgRole;
}

/** The org's audit log, for admins: who changed what and when, newest first, live. */
export function AuditPage({ orgId, orgName, viewerRole }: AuditPageProps) {
  const isAdmin = viewerRole === 'ADMIN';
  const [filters, update] = useAuditSearchParams();
  const query = useInfiniteQuery({ ...auditQueryOptions(orgId, filters), enabled: isAdmin });
  const entries = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const list = useRef<AuditListHandle>(null);
  const isAtTop = useCallback(() => list.current?.isAtTop() ?? true, []);
  const live = useAuditLiveTail({ orgId, filters, enabled: isAdmin, newest: entries[0], isAtTop });
  const { fetchNextPage } = query;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const { pending, showNew } = live;
  // Back at the newest entries by themselves: what was waiting shows where they are.
  const onReachTop = useCallback(() => pending > 0 && showNew(), [pending, showNew]);
  const List = usePhoneLayout() ? AuditCards : AuditTable;

  if (!isAdmin || isApiError(query.error, 'FORBIDDEN'))
    return (
      <div className="audit-page audit-page--restricted">
        <StatePanel icon="lock" tone="warning" title="Access restricted" as="h1">
          <p>Only admins of {orgName} can read its audit log.</p>
          <p>If you need to know who changed something, ask one of the organization’s admins.</p>
        </StatePanel>
      </div>
    );
  return (
    <div className="audit-page">
      <header className="audit-page__header">
        <div>
          <PresenceTitle>Audit log</PresenceTitle>
          <p>Every change in {orgName}: who made it, when, and what it was before.</p>
        </div>
        <AuditExport orgId={orgId} filters={filters} />
      </header>
      <AuditFilterBar filters={filters} memberName={nameOf(filters.member, entries)} onChange={update} />
      <div className="audit-card">
        <NewEntriesPill
          count={pending}
          onShow={() => {
            list.current?.scrollToTop();
            showNew();
          }}
        />
        {entries.length > 0 && query.data ? (
          <List
            ref={list}
            orgId={orgId}
            entries={entries}
            refreshing={query.isPlaceholderData && query.isFetching}
            hasNextPage={query.hasNextPage}
            isFetchingNextPage={query.isFetchingNextPage}
            fetchNextPage={loadMore}
            onReachTop={onReachTop}
          />
        ) : (
          <AuditListState
            query={query}
            filters={filters}
            onClearFilters={() =>
              update({ member: undefined, action: undefined, q: undefined, from: undefined, to: undefined })
            }
          />
        )}
      </div>
    </div>
  );
}

/** A person's name as the entries on screen give it (by them, or about them). */
function nameOf(userId: string | undefined, entries: AuditEntry[]): string | undefined {
  if (!userId) return undefined;
  for (const entry of entries) {
    if (entry.actor.id === userId) return entry.actor.name;
    if (entry.target.kind === 'member' && entry.target.id === userId && entry.target.name) return entry.target.name;
  }
  return undefined;
}
