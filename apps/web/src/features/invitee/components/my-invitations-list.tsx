import { orgRoleLabel, type MyInvitation } from '@roster/contracts';
import { useQuery } from '@tanstack/react-query';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { useTicking } from '../../../lib/clock.ts';
import { formatRelative } from '../../../lib/relative-time.ts';
import { myInvitationsQueryOptions } from '../api/my-invitations-query.ts';
import { useDecideMyInvitation } from '../api/use-decide-my-invitation.ts';
import './invitee.css';

interface MyInvitationsListProps {
  /** Where to go after accepting (the app decides: the directory for admins, a welcome page otherwise). */
  onAccepted: (orgId: string, invitation: MyInvitation) => void;
  emptyText?: string;
}

/** Your pending invitations with Accept / Decline; received and withdrawn ones come and go live. */
export function MyInvitationsList({ onAccepted, emptyText = 'No pending invitations.' }: MyInvitationsListProps) {
  const query = useQuery(myInvitationsQueryOptions());
  const decide = useDecideMyInvitation(onAccepted);
  if (query.isPending) {
    return (
      <div className="my-invitations__empty">
        <Spinner size={14} label="Loading your invitations" />
      </div>
    );
  }
  if (query.isError) return <p className="my-invitations__empty">Your invitations could not be loaded.</p>;
  if (query.data.items.length === 0) return <p className="my-invitations__empty">{emptyText}</p>;
  return (
    <ul className="my-invitations" aria-label="Your invitations">
      {query.data.items.map((invitation) => {
        const busy = decide.isPending && decide.variables.invitation.id === invitation.id;
        return (
          <li key={invitation.id} className="my-invitation">
            <Avatar name={invitation.orgName} seed={invitation.orgId} size={32} />
            <div className="my-invitation__text">
              <span className="my-invitation__org">{invitation.orgName}</span>
              <span className="my-invitation__meta">
                {invitation.inviterName} invited you as {orgRoleLabel[invitation.role]} ·{' '}
                <Sent at={invitation.createdAt} />
              </span>
            </div>
            <div className="my-invitation__actions">
              <button
                type="button"
                className="button button--secondary"
                disabled={busy}
                onClick={() => decide.mutate({ invitation, decision: 'decline' })}
                aria-label={`Decline the invitation to ${invitation.orgName}`}
              >
                Decline
              </button>
              <button
                type="button"
                className="button button--primary"
                disabled={busy}
                onClick={() => decide.mutate({ invitation, decision: 'accept' })}
                aria-label={`Accept the invitation to ${invitation.orgName}`}
              >
                {busy && decide.variables.decision === 'accept' ? 'Joining…' : 'Accept'}
              </button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

function Sent({ at }: { at: string }) {
  return <>{useTicking((now) => formatRelative(at, now))}</>;
}
