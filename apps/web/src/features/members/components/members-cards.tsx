import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import type { MemberSort, SortOrder } from '@roster/contracts';
import { Select, type SelectOption } from '../../../components/ui/select.tsx';
import { BulkHeaderCheckbox } from './bulk-select-cell.tsx';
import { MemberCard } from './member-card.tsx';
import type { MembersTableProps } from './members-table.tsx';
import { MembersTableFooter } from './members-table-footer.tsx';
import '../../../components/ui/card-list.css';

/** Start loading the next page this many cards before the end. */
const PREFETCH_CARDS = 10;
const CARD_ESTIMATE = 150;

type SortKey = `${MemberSort}:${SortOrder}`;
const sortOptions: SelectOption<SortKey>[] = [
  { value: 'name:asc', label: 'Name, A to Z' },
  { value: 'name:desc', label: 'Name, Z to A' },
  { value: 'joinedAt:desc', label: 'Newest first' },
  { value: 'joinedAt:asc', label: 'Oldest first' },
  { value: 'role:asc', label: 'Role' },
];

/**
 * The members list on a phone: cards in the page's own scroll (so the browser's bars can hide),
 * virtualized against the window like the table's rows, with the sort and select-all that the
 * table keeps in its header.
 */
export function MembersCards(props: MembersTableProps) {
  const { view, members, hasNextPage, isFetchingNextPage, fetchNextPage } = props;
  const listRef = useRef<HTMLUListElement>(null);
  const [offset, setOffset] = useState(0);
  // Where the list starts in the page; what sits above it (the bulk bar) can move it, so it is
  // measured after every render and stored only when it moved.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    const top = listRef.current ? listRef.current.getBoundingClientRect().top + window.scrollY : 0;
    if (Math.abs(top - offset) > 1) setOffset(top);
  });
  const virtualizer = useWindowVirtualizer({
    count: members.length,
    estimateSize: () => CARD_ESTIMATE,
    // A card not laid out yet (0 px) keeps its estimate rather than collapsing the list.
    measureElement: (el) => el.getBoundingClientRect().height || CARD_ESTIMATE,
    overscan: 6,
    scrollMargin: offset,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= members.length - PREFETCH_CARDS) fetchNextPage();
  }, [lastIndex, members.length, hasNextPage, isFetchingNextPage, fetchNextPage]);
  const sort: SortKey = `${props.sort}:${props.order}`;
  return (
    <div className="members-cards" aria-busy={props.refreshing || undefined}>
      <div className="members-cards__bar">
        {view.canManage ? (
          <label className="members-cards__all">
            <BulkHeaderCheckbox members={members} />
            <span>Select all</span>
          </label>
        ) : (
          <span />
        )}
        <Select
          aria-label="Sort members"
          value={sortOptions.some((o) => o.value === sort) ? sort : 'name:asc'}
          options={sortOptions}
          onValueChange={(value) => {
            const [by, order] = value.split(':') as [MemberSort, SortOrder];
            props.onSortChange(by, order);
          }}
        />
      </div>
      <ul
        ref={listRef}
        className="card-list members-cards__list"
        aria-label="Members"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((item) => {
          const member = members[item.index]!;
          return (
            <li
              key={member.userId}
              ref={virtualizer.measureElement}
              data-index={item.index}
              className="card-list__item"
              aria-setsize={props.totalIsCapped ? -1 : props.total}
              aria-posinset={item.index + 1}
              style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
            >
              <MemberCard member={member} view={view} />
            </li>
          );
        })}
      </ul>
      <MembersTableFooter
        loaded={members.length}
        total={props.total}
        totalIsCapped={props.totalIsCapped}
        hasNextPage={hasNextPage}
        isFetchingNextPage={isFetchingNextPage}
        fetchNextPage={fetchNextPage}
      />
    </div>
  );
}
