import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import type { Member } from '@roster/contracts';
import { formatDate } from '../../../lib/relative-time.ts';
import { BulkHeaderCheckbox, BulkRowCheckbox } from './bulk-select-cell.tsx';
import { LastChange } from './last-change.tsx';
import { MemberIdentity } from './member-identity.tsx';
import { RoleCell } from './role-cell.tsx';
import { RowActions } from './row-actions.tsx';
import { TwoFactorBadge } from './two-factor-badge.tsx';
import { WorkspaceChips } from './workspace-chips.tsx';

/** Who is looking: decides what is editable. */
export interface MembersView {
  orgId: string;
  orgName: string;
  viewerId: string;
  canManage: boolean;
}

const column = createColumnHelper<Member>();

/** Column ids double as the server's sort keys, so the table's sorting state maps 1:1 to the query. */
// `any` value type: TanStack's own idiom for a list of columns whose cells hold different types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function memberColumns(view: MembersView): ColumnDef<Member, any>[] {
  const isYou = (m: Member) => m.userId === view.viewerId;
  const columns = [
    ...(view.canManage
      ? [
          column.display({
            id: 'select',
            header: ({ table }) => <BulkHeaderCheckbox members={table.getRowModel().rows.map((r) => r.original)} />,
            cell: ({ row }) => <BulkRowCheckbox member={row.original} />,
          }),
        ]
      : []),
    column.accessor('name', {
      header: 'Member',
      cell: ({ row }) => <MemberIdentity member={row.original} isYou={isYou(row.original)} />,
    }),
    column.accessor('role', {
      header: 'Role',
      cell: ({ row }) => (
        <RoleCell
          orgId={view.orgId}
          orgName={view.orgName}
          member={row.original}
          isYou={isYou(row.original)}
          canManage={view.canManage}
        />
      ),
    }),
    column.accessor('twoFactorEnabled', {
      header: () => <abbr title="Two-factor sign-in">2FA</abbr>,
      enableSorting: false,
      cell: ({ getValue }) => <TwoFactorBadge on={getValue()} />,
    }),
    column.display({
      id: 'workspaces',
      header: 'Workspaces',
      cell: ({ row }) => <WorkspaceChips workspaces={row.original.workspaces} />,
    }),
    column.accessor('joinedAt', {
      header: 'Joined',
      // Newest first is what people look for when they click "Joined".
      sortDescFirst: true,
      cell: ({ getValue }) => <span className="nowrap">{formatDate(getValue())}</span>,
    }),
    column.display({
      id: 'lastChange',
      header: 'Last change',
      cell: ({ row }) => <LastChange change={row.original.lastChange} />,
    }),
  ];
  if (view.canManage) {
    columns.push(
      column.display({
        id: 'actions',
        header: () => <span className="visually-hidden">Actions</span>,
        cell: ({ row }) => <RowActions member={row.original} isYou={isYou(row.original)} />,
      }),
    );
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
  return columns as ColumnDef<Member, any>[];
}
