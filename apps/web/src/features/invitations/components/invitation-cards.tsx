import { orgRoleLabel, workspaceRoleLabel, type Invitation } from '@roster/contracts';
import { Badge } from '../../../components/ui/badge.tsx';
import { PresenceHint } from '../../../lib/presence/presence-hint.tsx';
import { InvitationRowActions } from './invitation-row-actions.tsx';
import { InvitationStatusBadge } from './invitation-status-badge.tsx';
import { InvitationWhen } from './invitation-when.tsx';
import '../../../components/ui/card-list.css';

/** The invitations on a phone: one card each, with the same facts and the same actions as the table. */
export function InvitationCards({ orgId, invitations }: { orgId: string; invitations: Invitation[] }) {
  return (
    <ul className="card-list" aria-label="Invitations">
      {invitations.map((invitation) => (
        <li key={invitation.id} className="card-list__item invitation-card" data-status={invitation.status}>
          <div className="card-list__head">
            <div className="invitation-email">
              <span className="truncate">{invitation.email}</span>
              {invitation.lite && <Badge tone="pending">Lite</Badge>}
              <PresenceHint kind="invitation" id={invitation.id} />
            </div>
            <InvitationRowActions orgId={orgId} invitation={invitation} />
          </div>
          <div className="card-list__row">
            <InvitationStatusBadge invitation={invitation} />
            <span className="muted">{orgRoleLabel[invitation.role]}</span>
          </div>
          {invitation.workspaces.length > 0 && (
            <p className="card-list__line">
              {invitation.workspaces.map((w) => `${w.name} · ${workspaceRoleLabel[w.role]}`).join(', ')}
            </p>
          )}
          <div className="card-list__row card-list__meta">
            <span className="truncate">Invited by {invitation.invitedBy.name}</span>
            <InvitationWhen invitation={invitation} />
          </div>
        </li>
      ))}
    </ul>
  );
}
