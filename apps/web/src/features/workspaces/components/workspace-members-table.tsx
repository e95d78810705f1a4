import { useState } from 'react';
import { WorkspaceRoleSchema, workspaceRoleLabel, type WorkspaceMember, type WorkspaceRole } from '@roster/contracts';
import { ConfirmDialog } from '../../../components/ui/alert-dialog.tsx';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Select, type SelectOption } from '../../../components/ui/select.tsx';
import { formatDate } from '../../../lib/relative-time.ts';
import { useChangeWorkspaceRole } from '../api/use-change-workspace-role.ts';
import { useRemoveWorkspaceMember } from '../api/use-remove-workspace-member.ts';

interface TableProps {
  orgId: string;
  workspaceId: string;
  workspaceName: string;
  members: WorkspaceMember[];
  viewerId: string;
}

const roleHints: Record<WorkspaceRole, string> = {
  OWNER: 'Manages this workspace’s members',
  MEMBER: 'Works in this workspace',
  VIEWER: 'Reads only',
};

function options(member: WorkspaceMember): SelectOption<WorkspaceRole>[] {
  return WorkspaceRoleSchema.options.map((role) =>
    member.lite && role !== 'VIEWER'
      ? { value: role, label: workspaceRoleLabel[role], hint: 'Lite access: viewer at most', disabled: true }
      : { value: role, label: workspaceRoleLabel[role], hint: roleHints[role] },
  );
}

/** A workspace's members are few: a plain table, sorted by name, with the role editable per row. */
export function WorkspaceMembersTable({ orgId, workspaceId, workspaceName, members, viewerId }: TableProps) {
  const change = useChangeWorkspaceRole(orgId, workspaceId, workspaceName);
  const remove = useRemoveWorkspaceMember(orgId, workspaceId, workspaceName);
  const [removing, setRemoving] = useState<WorkspaceMember | null>(null);
  const rows = [...members].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <>
      <table className="ws-table" aria-label={`Members of ${workspaceName}`}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col" className="ws-col--wide">
              Email
            </th>
            <th scope="col" className="ws-col--wide">
              Joined
            </th>
            <th scope="col" className="ws-col--role">
              Workspace role
            </th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => {
            const pending = change.isPending && change.variables.member.userId === m.userId;
            return (
              <tr key={m.userId} className="ws-row">
                <td>
                  <span className="ws-person">
                    <Avatar name={m.name} seed={m.userId} size={28} />
                    <span className="ws-person__text">
                      <span className="truncate">{m.name}</span>
                      {/* On phones the email column is hidden; the address moves under the name. */}
                      <span className="ws-person__email truncate">{m.email}</span>
                    </span>
                    {m.userId === viewerId && <Badge>You</Badge>}
                    {m.lite && <Badge tone="pending">Lite</Badge>}
                  </span>
                </td>
                <td className="muted truncate ws-col--wide">{m.email}</td>
                <td className="nowrap muted ws-col--wide">{formatDate(m.joinedAt)}</td>
                <td className="ws-col--role">
                  <Select
                    variant="inline"
                    aria-label={`Workspace role for ${m.name}`}
                    value={pending ? change.variables.role : m.role}
                    options={options(m)}
                    renderValue={(role) => (
                      <Badge tone={role === 'OWNER' ? 'accent' : 'neutral'}>{workspaceRoleLabel[role]}</Badge>
                    )}
                    onValueChange={(role) => role !== m.role && !change.isPending && change.mutate({ member: m, role })}
                  />
                </td>
                <td className="ws-table__go">
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Remove ${m.name} from ${workspaceName}`}
                    title="Remove from this workspace"
                    onClick={() => setRemoving(m)}
                  >
                    <Icon name="userMinus" />
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => !open && !remove.isPending && setRemoving(null)}
        title={`Remove ${removing?.name ?? ''} from ${workspaceName}?`}
        description={
          <p>
            They lose access to {workspaceName} only. Their membership of the organization and their other workspaces
            stay as they are.
          </p>
        }
        confirmLabel="Remove from workspace"
        pending={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing, { onSettled: () => setRemoving(null) })}
      />
    </>
  );
}
