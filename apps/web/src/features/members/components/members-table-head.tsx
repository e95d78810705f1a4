import { flexRender, type Table } from '@tanstack/react-table';
import type { Member } from '@roster/contracts';
import { Icon } from '../../../components/ui/icon.tsx';

/** Sortable headers are buttons inside `th aria-sort`, so screen readers announce the order. */
export function MembersTableHead({ table }: { table: Table<Member> }) {
  return (
    <thead>
      {table.getHeaderGroups().map((group) => (
        <tr key={group.id} aria-rowindex={1}>
          {group.headers.map((header) => {
            const sorted = header.column.getIsSorted();
            const label = flexRender(header.column.columnDef.header, header.getContext());
            return (
              <th
                key={header.id}
                scope="col"
                className={`col-${header.column.id}`}
                aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
              >
                {header.column.getCanSort() ? (
                  <button
                    type="button"
                    className={sorted ? 'sort-button sort-button--active' : 'sort-button'}
                    onClick={header.column.getToggleSortingHandler()}
                  >
                    {label}
                    <Icon
                      name={sorted === 'asc' ? 'arrowUp' : sorted === 'desc' ? 'arrowDown' : 'chevronsUpDown'}
                      size={13}
                    />
                  </button>
                ) : (
                  label
                )}
              </th>
            );
          })}
        </tr>
      ))}
    </thead>
  );
}
