import { useEffect, useMemo, useRef } from 'react';
import { getCoreRowModel, useReactTable, type SortingState, type Updater } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Member, MemberSort, SortOrder } from '@roster/contracts';
import { useMediaQuery } from '../../../lib/use-media-query.ts';
import { memberColumns, type MembersView } from './member-columns.tsx';
import { MemberRow } from './member-row.tsx';
import { MembersTableHead } from './members-table-head.tsx';
import { MembersTableFooter } from './members-table-footer.tsx';

const ROW_HEIGHT = 56;
/** Start loading the next page this many rows before the end, so scrolling rarely waits. */
const PREFETCH_ROWS = 20;

export interface MembersTableProps {
  view: MembersView;
  members: Member[];
  total: number;
  /** The server stopped counting at its cap: how many rows there are is not known. */
  totalIsCapped?: boolean;
  sort: MemberSort;
  order: SortOrder;
  onSortChange: (sort: MemberSort, order: SortOrder) => void;
  /** A new sort or filter is loading while the previous rows stay on screen. */
  refreshing: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
}

/** TanStack Table in manual mode (the server sorts, filters and pages) with virtual rows. */
export function MembersTable(props: MembersTableProps) {
  const { view, members, sort, order, onSortChange, hasNextPage, isFetchingNextPage, fetchNextPage } = props;
  const columns = useMemo(() => memberColumns(view), [view]);
  const sorting: SortingState = useMemo(() => [{ id: sort, desc: order === 'desc' }], [sort, order]);
  // Narrow windows drop the least needed column (hidden in the table model, so spans stay right).
  const narrow = useMediaQuery('(max-width: 1120px)');
  const columnVisibility = useMemo(() => ({ joinedAt: !narrow }), [narrow]);
  const layoutKey = useMemo(() => ({ columns, columnVisibility }), [columns, columnVisibility]);
  const table = useReactTable({
    data: members,
    columns,
    state: { sorting, columnVisibility },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = (typeof updater === 'function' ? updater(sorting) : updater)[0];
      if (next) onSortChange(next.id as MemberSort, next.desc ? 'desc' : 'asc');
    },
    getRowId: (member) => member.userId,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualFiltering: true,
    manualPagination: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
  });
  const rows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= rows.length - PREFETCH_ROWS) fetchNextPage();
  }, [lastIndex, rows.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const colSpan = table.getVisibleLeafColumns().length;
  return (
    <div className="members-table-scroll" ref={scrollRef}>
      {props.refreshing && <div className="members-progress" aria-hidden="true" />}
      <table
        className="members-table"
        aria-label="Members"
        aria-rowcount={props.totalIsCapped ? -1 : props.total + 1}
        aria-busy={props.refreshing || undefined}
      >
        <MembersTableHead table={table} />
        <tbody>
          {padTop > 0 && (
            <tr aria-hidden="true" style={{ height: padTop }}>
              <td colSpan={colSpan} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index]!;
            return <MemberRow key={row.id} row={row} index={item.index} columnsKey={layoutKey} />;
          })}
          {padBottom > 0 && (
            <tr aria-hidden="true" style={{ height: padBottom }}>
              <td colSpan={colSpan} />
            </tr>
          )}
        </tbody>
      </table>
      <MembersTableFooter
        loaded={rows.length}
        total={props.total}
        totalIsCapped={props.totalIsCapped}
        hasNextPage={hasNextPage}
        isFetchingNextPage={isFetchingNextPage}
        fetchNextPage={fetchNextPage}
      />
    </div>
  );
}
