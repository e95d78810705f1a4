import { useEffect, useImperativeHandle, useLayoutEffect, useRef, useState } from 'react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { AuditEntrySummary } from './audit-entry-summary.tsx';
import { AuditListFooter } from './audit-list-footer.tsx';
import { RevertEntryButton } from './revert-entry-button.tsx';
import { TOP_SLACK, type AuditListProps } from './audit-list-props.ts';

const CARD_ESTIMATE = 120;
/** Start loading older entries this many cards before the end. */
const PREFETCH_CARDS = 10;

/** The log on a phone: cards in the page's own scroll, virtualized against the window. */
export function AuditCards({
  orgId,
  entries,
  refreshing,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
  onReachTop,
  ref,
}: AuditListProps) {
  const listRef = useRef<HTMLUListElement>(null);
  const [offset, setOffset] = useState(0);
  // Where the list starts in the page; the filter bar above it wraps, so it is measured each render.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    const top = listRef.current ? listRef.current.getBoundingClientRect().top + window.scrollY : 0;
    if (Math.abs(top - offset) > 1) setOffset(top);
  });
  const virtualizer = useWindowVirtualizer({
    count: entries.length,
    estimateSize: () => CARD_ESTIMATE,
    measureElement: (el) => el.getBoundingClientRect().height || CARD_ESTIMATE,
    getItemKey: (index) => entries[index]!.id,
    overscan: 6,
    scrollMargin: offset,
  });
  // The list's top is in view: nothing the reader is looking at sits above it.
  const atTop = () => window.scrollY <= offset + TOP_SLACK;
  useImperativeHandle(ref, () => ({ isAtTop: atTop, scrollToTop: () => window.scrollTo({ top: 0 }) }));
  useEffect(() => {
    const onScroll = () => atTop() && onReachTop();
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => window.removeEventListener('scroll', onScroll);
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= entries.length - PREFETCH_CARDS) fetchNextPage();
  }, [lastIndex, entries.length, hasNextPage, isFetchingNextPage, fetchNextPage]);
  return (
    <div className="audit-cards" aria-busy={refreshing || undefined}>
      <ul
        ref={listRef}
        className="card-list audit-cards__list"
        aria-label="Audit log"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((item) => {
          const entry = entries[item.index]!;
          return (
            <li
              key={entry.id}
              ref={virtualizer.measureElement}
              data-index={item.index}
              className="card-list__item audit-card"
              style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
            >
              <AuditEntrySummary
                entry={entry}
                actions={
                  entry.revertible || entry.revertedBy ? <RevertEntryButton orgId={orgId} entry={entry} /> : undefined
                }
              />
            </li>
          );
        })}
      </ul>
      <AuditListFooter
        loaded={entries.length}
        hasNextPage={hasNextPage}
        isFetchingNextPage={isFetchingNextPage}
        fetchNextPage={fetchNextPage}
      />
    </div>
  );
}
