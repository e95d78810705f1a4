import { orgRoleLabel, workspaceRoleLabel, type Invitation } from '@roster/contracts';
import { Badge } from '../../../components/ui/badge.tsx';
import { PresenceHint } from '../../../lib/presence/presence-hint.tsx';
import { InvitationRowActions } from './invitation-row-actions.tsx';
import { InvitationStatusBadge } from './invitation-status-badge.tsx';
import { InvitationWhen } from './invitation-when.tsx';

/** Invitations are few: a plain table in the members table's style, no virtualization. */
export function InvitationsTable({ orgId, invitations }: { orgId: string; invitations: Invitation[] }) {
  return (
    <table className="members-table invitations-table" aria-label="Invitations">
      <thead>
        <tr>
          <th className="col-name">Invited</th>
          <th className="col-inv-status">Status</th>
          <th className="col-inv-role">Role</th>
          <th className="col-inv-workspaces">Workspaces</th>
          <th className="col-inv-by">Invited by</th>
          <th className="col-inv-when">Sent · Expires</th>
          <th className="col-actions">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {invitations.map((invitation) => (
          <InvitationRow key={invitation.id} orgId={orgId} invitation={invitation} />
        ))}
      </tbody>
    </table>
  );
}

function InvitationRow({ orgId, invitation }: { orgId: string; invitation: Invitation }) {
  return (
    <tr className="members-row invitations-row" data-status={invitation.status}>
      <td className="col-name">
        <div className="invitation-email">
          <span className="truncate">{invitation.email}</span>
          {invitation.lite && <Badge tone="pending">Lite</Badge>}
          <PresenceHint kind="invitation" id={invitation.id} />
        </div>
      </td>
      <td>
        <InvitationStatusBadge invitation={invitation} />
      </td>
      <td>{orgRoleLabel[invitation.role]}</td>
      <td>
        {invitation.workspaces.length === 0 ? (
          <span className="muted">No workspaces</span>
        ) : (
          <span
            className="truncate invitation-grants"
            title={invitation.workspaces.map((w) => `${w.name} (${workspaceRoleLabel[w.role]})`).join(', ')}
          >
            {invitation.workspaces.map((w) => `${w.name} · ${workspaceRoleLabel[w.role]}`).join(', ')}
          </span>
        )}
      </td>
      <td className="truncate">{invitation.invitedBy.name}</td>
      <td>
        <InvitationWhen invitation={invitation} />
      </td>
      <td className="col-actions">
        <InvitationRowActions orgId={orgId} invitation={invitation} />
      </td>
    </tr>
  );
}
