import { useState } from 'react';
import type { InviteRequest } from '@roster/contracts';
import { useRejectRequest } from '../api/use-reject-request.ts';
import { DecisionDialog } from './decision-dialog.tsx';
import { useLatched } from '../../../lib/use-latched.ts';

interface Props {
  orgId: string;
  request: InviteRequest | null;
  onClose: () => void;
}

export function RejectRequestDialog({ orgId, request, onClose }: Props) {
  const current = useLatched(request);
  if (!current) return null;
  return <RejectForm key={current.id} orgId={orgId} request={current} open={request !== null} onClose={onClose} />;
}

function RejectForm({
  orgId,
  request,
  open,
  onClose,
}: {
  orgId: string;
  request: InviteRequest;
  open: boolean;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const reject = useRejectRequest(orgId);
  return (
    <DecisionDialog
      decision="reject"
      request={request}
      open={open}
      onClose={onClose}
      title={`Reject the request for ${request.email}?`}
      description={<p>No invitation is sent. {request.requestedBy.name} sees the decision and your reason.</p>}
      confirmLabel="Reject request"
      pendingLabel="Rejecting…"
      pending={reject.isPending}
      onDecide={() => reject.mutateAsync({ request, reason })}
      decided={{
        title: `Request for ${request.email} rejected`,
        description: `${request.requestedBy.name} will see it.`,
      }}
    >
      {(alreadyDecided) => (
        <div className="field">
          <label className="field__label" htmlFor="reject-reason">
            Reason <span className="muted">(optional)</span>
          </label>
          <textarea
            id="reject-reason"
            className="input"
            maxLength={500}
            value={reason}
            disabled={alreadyDecided}
            placeholder="e.g. Please ask them to use their company address."
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
      )}
    </DecisionDialog>
  );
}
