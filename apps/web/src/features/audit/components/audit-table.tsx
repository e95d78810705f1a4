import { useEffect, useImperativeHandle, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { auditActionLabel } from '../utils/audit-action-label.ts';
import { AuditActor, AuditChange, AuditTargetName, AuditTime } from './audit-entry-parts.tsx';
import { AuditListFooter } from './audit-list-footer.tsx';
import { RevertEntryButton } from './revert-entry-button.tsx';
import { TOP_SLACK, type AuditListProps } from './audit-list-props.ts';

const ROW_HEIGHT = 56;
/** Start loading older entries this many rows before the end, so scrolling rarely waits. */
const PREFETCH_ROWS = 20;
const COLUMNS = 6;

/** The log on wider screens: a table scrolling in its card, rendering only the rows in view. */
export function AuditTable({
  orgId,
  entries,
  refreshing,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
  onReachTop,
  ref,
}: AuditListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    measureElement: (el) => el.getBoundingClientRect().height || ROW_HEIGHT,
    getItemKey: (index) => entries[index]!.id,
    overscan: 10,
  });
  useImperativeHandle(
    ref,
    () => ({
      isAtTop: () => (scrollRef.current?.scrollTop ?? 0) <= TOP_SLACK,
      scrollToTop: () => scrollRef.current?.scrollTo({ top: 0 }),
    }),
    [],
  );
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= entries.length - PREFETCH_ROWS) fetchNextPage();
  }, [lastIndex, entries.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div
      className="audit-table-scroll"
      ref={scrollRef}
      onScroll={(e) => e.currentTarget.scrollTop <= TOP_SLACK && onReachTop()}
    >
      {refreshing && <div className="audit-progress" aria-hidden="true" />}
      <table className="audit-table" aria-label="Audit log" aria-busy={refreshing || undefined}>
        <thead>
          <tr>
            <th scope="col" className="audit-col-time">
              When
            </th>
            <th scope="col" className="audit-col-actor">
              Who
            </th>
            <th scope="col" className="audit-col-action">
              What
            </th>
            <th scope="col" className="audit-col-target">
              About
            </th>
            <th scope="col">Change</th>
            <th scope="col" className="audit-col-revert">
              <span className="visually-hidden">Revert</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && (
            <tr aria-hidden="true" style={{ height: padTop }}>
              <td colSpan={COLUMNS} />
            </tr>
          )}
          {items.map((item) => {
            const entry = entries[item.index]!;
            return (
              <tr key={entry.id} ref={virtualizer.measureElement} data-index={item.index} className="audit-row">
                <td>
                  <AuditTime at={entry.at} />
                </td>
                <td>
                  <AuditActor actor={entry.actor} />
                </td>
                <td>{auditActionLabel(entry.action)}</td>
                <td>
                  <AuditTargetName target={entry.target} />
                </td>
                <td>
                  <AuditChange entry={entry} />
                </td>
                <td className="audit-col-revert">
                  <RevertEntryButton orgId={orgId} entry={entry} />
                </td>
              </tr>
            );
          })}
          {padBottom > 0 && (
            <tr aria-hidden="true" style={{ height: padBottom }}>
              <td colSpan={COLUMNS} />
            </tr>
          )}
        </tbody>
      </table>
      <AuditListFooter
        loaded={entries.length}
        hasNextPage={hasNextPage}
        isFetchingNextPage={isFetchingNextPage}
        fetchNextPage={fetchNextPage}
      />
    </div>
  );
}
