import { useState } from 'react';
import { ACCESS_REQUEST_MESSAGE_MAX, type AccessRequestPage } from '@roster/contracts';
import { FormDialog } from '../../../components/ui/dialog.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { useRequestAccess } from '../api/use-request-access.ts';

interface Props {
  orgId: string;
  page: AccessRequestPage;
  workspaceId?: string | undefined;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSent: () => void;
  /** Already asked within the hour: seconds until they may ask again, when the server said. */
  onLimited: (retryAfterSeconds: number | undefined) => void;
}

/** The optional note to the admins, then the request itself. */
export function RequestAccessDialog({ orgId, page, workspaceId, open, onOpenChange, onSent, onLimited }: Props) {
  const [message, setMessage] = useState('');
  const send = useRequestAccess(orgId);
  const submit = () =>
    send.mutate(
      { page, ...(workspaceId ? { workspaceId } : {}), ...(message.trim() ? { message } : {}) },
      {
        onSuccess: onSent,
        onError: (error) => {
          if (isApiError(error, 'RATE_LIMITED')) onLimited(error.retryAfterSeconds);
        },
      },
    );
  const refused = send.error && !isApiError(send.error, 'RATE_LIMITED') ? send.error : null;
  return (
    <FormDialog
      open={open}
      onOpenChange={(next) => !send.isPending && onOpenChange(next)}
      title="Request access"
      description={<p>The organization’s admins get an email with your name, your address and your note.</p>}
      actions={
        <>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => onOpenChange(false)}
            disabled={send.isPending}
          >
            Cancel
          </button>
          <button type="button" className="button button--primary" onClick={submit} disabled={send.isPending}>
            {send.isPending ? 'Sending…' : 'Send request'}
          </button>
        </>
      }
    >
      {refused && (
        <Notice tone="danger" title="Your request was not sent">
          {refused.message}
        </Notice>
      )}
      <div className="field">
        <label className="field__label" htmlFor="access-request-message">
          Message <span className="muted">(optional)</span>
        </label>
        <textarea
          id="access-request-message"
          className="input"
          maxLength={ACCESS_REQUEST_MESSAGE_MAX}
          value={message}
          disabled={send.isPending}
          placeholder="e.g. I run the on-call rota and need to see who is in the team."
          onChange={(e) => setMessage(e.target.value)}
        />
      </div>
    </FormDialog>
  );
}
