import { memo } from 'react';
import { flexRender, type Row } from '@tanstack/react-table';
import type { Member } from '@roster/contracts';
import { useRecentChangesStore } from '../stores/recent-changes-store.ts';

interface MemberRowProps {
  row: Row<Member>;
  /** Position in the whole list, for aria-rowindex (the header row is 1). */
  index: number;
  /** Changes when the columns do, so memoized rows re-render with them. */
  columnsKey: unknown;
}

/**
 * A row re-renders only when its member object changes: live patches keep every other row's
 * object identical, so a burst of events repaints just the rows it touched.
 */
export const MemberRow = memo(
  function MemberRow({ row, index }: MemberRowProps) {
    const changedLive = useRecentChangesStore((s) => s.changedAt[row.original.userId] !== undefined);
    return (
      <tr className={changedLive ? 'members-row members-row--changed' : 'members-row'} aria-rowindex={index + 2}>
        {row.getVisibleCells().map((cell) => (
          <td key={cell.id} className={`col-${cell.column.id}`}>
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </td>
        ))}
      </tr>
    );
  },
  (a, b) => a.row.original === b.row.original && a.index === b.index && a.columnsKey === b.columnsKey,
);
