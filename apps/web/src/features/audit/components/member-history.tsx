import { useCallback, useMemo, useRef } from 'react';
import { Link } from 'react-router';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Icon } from '../../../components/ui/icon.tsx';
import { LoadError } from '../../../components/ui/load-error.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { StatePanel } from '../../../components/ui/state-panel.tsx';
import { useOrgPath } from '../../../lib/org-paths.ts';
import { auditQueryOptions } from '../api/audit-query.ts';
import { useAuditLiveTail } from '../hooks/use-audit-live-tail.ts';
import { AuditEntrySummary } from './audit-entry-summary.tsx';
import { AuditListFooter } from './audit-list-footer.tsx';
import { TOP_SLACK } from './audit-list-props.ts';
import { NewEntriesPill } from './new-entries-pill.tsx';
import './member-history.css';

/** Start loading older entries when the reader is this close to the end of the list. */
const PREFETCH_PX = 400;

interface MemberHistoryProps {
  orgId: string;
  userId: string;
  name: string;
}

/**
 * One person's history: the org's audit entries made by them or about them, newest first, live.
 * New entries appear at the top while the reader is there; further down, a pill offers them.
 */
export function MemberHistory({ orgId, userId, name }: MemberHistoryProps) {
  const filters = useMemo(() => ({ member: userId }), [userId]);
  // The tab unmounts while closed, and nothing listened meanwhile: opening it again looks again.
  const query = useInfiniteQuery({ ...auditQueryOptions(orgId, filters), refetchOnMount: 'always' });
  const entries = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const scroller = useRef<HTMLDivElement>(null);
  const isAtTop = useCallback(() => (scroller.current?.scrollTop ?? 0) <= TOP_SLACK, []);
  const { pending, showNew } = useAuditLiveTail({ orgId, filters, enabled: true, newest: entries[0], isAtTop });
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const auditLog = `${useOrgPath()('audit')}?member=${encodeURIComponent(userId)}`;

  const onScroll = (el: HTMLDivElement) => {
    if (el.scrollTop <= TOP_SLACK && pending > 0) showNew();
    const nearEnd = el.scrollTop + el.clientHeight >= el.scrollHeight - PREFETCH_PX;
    if (nearEnd && hasNextPage && !isFetchingNextPage) loadMore();
  };

  return (
    <div className="member-history">
      <div className="member-history__intro">
        <p className="muted">By or about {name}, newest first</p>
        <Link to={auditLog} className="member-history__open">
          Open in audit log <Icon name="chevronRight" size={14} />
        </Link>
      </div>
      <div className="member-history__scroll" ref={scroller} onScroll={(e) => onScroll(e.currentTarget)}>
        <div className="member-history__pill">
          <NewEntriesPill
            count={pending}
            onShow={() => {
              scroller.current?.scrollTo({ top: 0 });
              showNew();
            }}
          />
        </div>
        {entries.length > 0 ? (
          <>
            <ul className="card-list member-history__list" aria-label={`History of ${name}`}>
              {entries.map((entry) => (
                <li key={entry.id} className="card-list__item" data-entry={entry.id}>
                  <AuditEntrySummary entry={entry} subjectId={userId} />
                </li>
              ))}
            </ul>
            <AuditListFooter
              loaded={entries.length}
              hasNextPage={hasNextPage}
              isFetchingNextPage={isFetchingNextPage}
              fetchNextPage={loadMore}
              whole="history"
            />
          </>
        ) : query.isPending ? (
          <div className="member-history__loading">
            <Spinner size={18} label={`Loading the history of ${name}`} />
          </div>
        ) : query.isError ? (
          <LoadError title="Couldn’t load the history" onRetry={() => void query.refetch()} retrying={query.isFetching}>
            The server could not return these entries just now.
          </LoadError>
        ) : (
          <StatePanel icon="clock" title="Nothing recorded yet">
            <p>Changes {name} makes, and changes to their role, access and workspaces, will be listed here.</p>
          </StatePanel>
        )}
      </div>
    </div>
  );
}
