import { useState, type ReactNode } from 'react';
import type { InviteRequest } from '@roster/contracts';
import { Modal } from '../../../components/ui/modal.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { toast } from '../../../components/ui/toast-store.ts';
import { isApiError } from '../../../lib/api-error.ts';
import { inviteRequestErrorCopy, type ErrorCopy } from '../utils/invite-request-error-copy.ts';

export type Decision = 'approve' | 'reject';

interface DecisionDialogProps {
  decision: Decision;
  request: InviteRequest;
  open: boolean;
  onClose: () => void;
  title: string;
  description: ReactNode;
  size?: 'md' | 'lg';
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  /** Sends the decision; rejects with the server's refusal. */
  onDecide: () => Promise<unknown>;
  /** The toast once it landed. */
  decided: { title: string; description: string };
  /** The terms to decide on; disabled once another admin has decided. */
  children: (alreadyDecided: boolean) => ReactNode;
}

/**
 * Approving and rejecting an invite request are one dialog: the terms differ, the rest is shared.
 * A refusal is shown inside it; when another admin decided first (or the request is gone), the
 * terms lock and only Close remains.
 */
export function DecisionDialog({
  decision,
  request,
  open,
  onClose,
  title,
  description,
  size,
  confirmLabel,
  pendingLabel,
  pending,
  onDecide,
  decided,
  children,
}: DecisionDialogProps) {
  const [refusal, setRefusal] = useState<ErrorCopy | null>(null);
  const [alreadyDecided, setAlreadyDecided] = useState(false);
  const decide = async () => {
    setRefusal(null);
    try {
      await onDecide();
    } catch (error) {
      setRefusal(inviteRequestErrorCopy(error, decision, request.email));
      if (isApiError(error, 'ALREADY_DECIDED') || isApiError(error, 'NOT_FOUND')) setAlreadyDecided(true);
      return;
    }
    toast({ tone: 'success', ...decided });
    onClose();
  };
  return (
    <Modal
      open={open}
      onOpenChange={(next) => !next && !pending && onClose()}
      size={size}
      title={title}
      description={description}
      actions={
        alreadyDecided ? (
          <button type="button" className="button button--secondary" onClick={onClose}>
            Close
          </button>
        ) : (
          <>
            <button type="button" className="button button--secondary" onClick={onClose} disabled={pending}>
              Cancel
            </button>
            <button
              type="button"
              className={`button ${decision === 'approve' ? 'button--primary' : 'button--danger'}`}
              onClick={() => void decide()}
              disabled={pending}
            >
              {pending ? pendingLabel : confirmLabel}
            </button>
          </>
        )
      }
    >
      {refusal && (
        <Notice
          tone={alreadyDecided ? 'warning' : 'danger'}
          title={refusal.title}
          className="approve__refusal"
          role="alert"
        >
          {refusal.description}
        </Notice>
      )}
      {children(alreadyDecided)}
    </Modal>
  );
}
