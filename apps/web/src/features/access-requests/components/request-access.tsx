import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { AccessRequestPage } from '@roster/contracts';
import { tryAgainIn } from '../../../lib/retry-after.ts';
import { orgAdminsQueryOptions } from '../api/org-admins-query.ts';
import { adminNames } from './admin-names.ts';
import { RequestAccessDialog } from './request-access-dialog.tsx';
import './request-access.css';

interface Props {
  orgId: string;
  /** The page that said "Access restricted"; a workspace's page names the workspace. */
  page: AccessRequestPage;
  workspaceId?: string | undefined;
}

type Outcome = { kind: 'sent' } | { kind: 'limited'; retryAfterSeconds: number | undefined };

/** Under "Access restricted": whom to ask, and a way to ask them without leaving the page. */
export function RequestAccess({ orgId, page, workspaceId }: Props) {
  const admins = useQuery(orgAdminsQueryOptions(orgId));
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const settle = (next: Outcome) => {
    setOutcome(next);
    setOpen(false);
  };
  return (
    <div className="request-access">
      {admins.data && admins.data.total > 0 && (
        <p className="request-access__admins">
          Ask an admin: <strong>{adminNames(admins.data)}</strong>
        </p>
      )}
      <button
        type="button"
        className="button button--primary"
        onClick={() => setOpen(true)}
        disabled={outcome !== null}
      >
        Request access
      </button>
      <p className="request-access__outcome" role="status">
        {outcome?.kind === 'sent' && 'Request sent. The admins will get an email.'}
        {outcome?.kind === 'limited' &&
          `You already asked for access to this page within the last hour. ${tryAgainIn(outcome.retryAfterSeconds)}`}
      </p>
      <RequestAccessDialog
        orgId={orgId}
        page={page}
        workspaceId={workspaceId}
        open={open}
        onOpenChange={setOpen}
        onSent={() => settle({ kind: 'sent' })}
        onLimited={(retryAfterSeconds) => settle({ kind: 'limited', retryAfterSeconds })}
      />
    </div>
  );
}
