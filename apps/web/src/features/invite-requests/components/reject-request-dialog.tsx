import { useState } from 'react';
import type { InviteRequest } from '@roster/contracts';
import { Notice } from '../../../components/ui/notice.tsx';
import { Modal } from '../../../components/ui/modal.tsx';
import { toast } from '../../../components/ui/toast-store.ts';
import { isApiError } from '../../../lib/api-error.ts';
import { useRejectRequest } from '../api/use-reject-request.ts';
import { inviteRequestErrorCopy, type ErrorCopy } from '../utils/invite-request-error-copy.ts';
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
  const [refusal, setRefusal] = useState<ErrorCopy | null>(null);
  const [decided, setDecided] = useState(false);
  const reject = useRejectRequest(orgId);
  const onReject = () =>
    reject.mutate(
      { request, reason },
      {
        onSuccess: () => {
          toast({
            tone: 'success',
            title: `Request for ${request.email} rejected`,
            description: `${request.requestedBy.name} will see it.`,
          });
          onClose();
        },
        onError: (error) => {
          setRefusal(inviteRequestErrorCopy(error, 'reject', request.email));
          if (isApiError(error, 'ALREADY_DECIDED') || isApiError(error, 'NOT_FOUND')) setDecided(true);
        },
      },
    );
  return (
    <Modal
      open={open}
      onOpenChange={(next) => !next && !reject.isPending && onClose()}
      title={`Reject the request for ${request.email}?`}
      description={<p>No invitation is sent. {request.requestedBy.name} sees the decision and your reason.</p>}
      actions={
        decided ? (
          <button type="button" className="button button--secondary" onClick={onClose}>
            Close
          </button>
        ) : (
          <>
            <button type="button" className="button button--secondary" onClick={onClose} disabled={reject.isPending}>
              Cancel
            </button>
            <button type="button" className="button button--danger" onClick={onReject} disabled={reject.isPending}>
              {reject.isPending ? 'Rejecting…' : 'Reject request'}
            </button>
          </>
        )
      }
    >
      {refusal && (
        <Notice tone={decided ? 'warning' : 'danger'} title={refusal.title} className="approve__refusal" role="alert">
          {refusal.description}
        </Notice>
      )}
      <div className="field">
        <label className="field__label" htmlFor="reject-reason">
          Reason <span className="muted">(optional)</span>
        </label>
        <textarea
          id="reject-reason"
          className="input"
          maxLength={500}
          value={reason}
          disabled={decided}
          placeholder="e.g. Please ask them to use their company address."
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
    </Modal>
  );
}
