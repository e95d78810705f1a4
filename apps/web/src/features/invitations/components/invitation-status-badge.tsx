import type { Invitation } from '@roster/contracts';
import { Badge } from '../../../components/ui/badge.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';

/** The invitation's state and, for a mailed link, its delivery: Pending, Waiting approval, Expired, Sending…, Mail failed. */
export function InvitationStatusBadge({ invitation }: { invitation: Invitation }) {
  const { status, delivery } = invitation;
  return (
    <span className="invitation-status">
      {status === 'requested' && (
        <Badge tone="accent" title="Proposed by a member; an admin approves or rejects it">
          Waiting approval
        </Badge>
      )}
      {status === 'pending' && <Badge tone="pending">Pending</Badge>}
      {status === 'expired' && <Badge tone="neutral">Expired</Badge>}
      {status === 'pending' && delivery?.state === 'queued' && (
        <span className="invitation-status__delivery" title="The invitation mail is being sent">
          <Spinner size={10} />
          Sending…
        </span>
      )}
      {status === 'pending' && delivery?.state === 'failed' && (
        <Badge tone="danger" title={delivery.lastError ?? 'The mail server refused the invitation mail'}>
          Mail failed
        </Badge>
      )}
    </span>
  );
}
