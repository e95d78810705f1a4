import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { orgRoleLabel, workspaceRoleLabel, type InviteRequest } from '@roster/contracts';
import { Badge } from '../../../components/ui/badge.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { LoadError } from '../../../components/ui/load-error.tsx';
import { StatePanel } from '../../../components/ui/state-panel.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { useTicking } from '../../../lib/clock.ts';
import { formatRelative } from '../../../lib/relative-time.ts';
import { inviteRequestsQueryOptions } from '../api/invite-requests-query.ts';
import { ApproveRequestDialog } from './approve-request-dialog.tsx';
import { RejectRequestDialog } from './reject-request-dialog.tsx';
import './invite-requests.css';

type Deciding = { kind: 'approve' | 'reject'; request: InviteRequest } | null;

/** What members proposed, waiting for an admin: approve (terms adjustable) or reject (with a reason). */
export function InviteRequestsSection({ orgId }: { orgId: string }) {
  const query = useInfiniteQuery(inviteRequestsQueryOptions(orgId));
  const [deciding, setDeciding] = useState<Deciding>(null);
  const requests = query.data?.pages.flatMap((p) => p.items) ?? [];
  const seats = query.data?.pages[0]?.seats;
  return (
    <div className="requests">
      <div className="requests__toolbar">
        <p className="muted" aria-live="polite">
          {query.data
            ? requests.length === 0
              ? 'Nothing waiting'
              : `${requests.length} ${requests.length === 1 ? 'request' : 'requests'} waiting for approval`
            : ''}
        </p>
        {seats && (
          <p className="muted requests__seats">
            Seats: {seats.used}
            {seats.limit === null ? ' in use, no cap' : ` of ${seats.limit} in use`}
          </p>
        )}
      </div>
      <div className="members-card requests__card">
        {query.isPending ? (
          <div className="requests__loading">
            <Spinner size={18} label="Loading requests" />
          </div>
        ) : query.isError ? (
          <LoadError title="Couldn’t load requests" onRetry={() => void query.refetch()}>
            The server could not return them just now.
          </LoadError>
        ) : requests.length === 0 ? (
          <StatePanel icon="inbox" title="No requests waiting">
            <p>When a member proposes an invitation, it appears here for an admin to approve or reject.</p>
          </StatePanel>
        ) : (
          <ul className="requests__list" aria-label="Invite requests">
            {requests.map((r) => (
              <RequestRow
                key={r.id}
                request={r}
                onApprove={() => setDeciding({ kind: 'approve', request: r })}
                onReject={() => setDeciding({ kind: 'reject', request: r })}
              />
            ))}
          </ul>
        )}
        {query.hasNextPage && (
          <div className="members-table-footer">
            <button type="button" className="button button--ghost" onClick={() => void query.fetchNextPage()}>
              {query.isFetchingNextPage ? 'Loading…' : 'Load more requests'}
            </button>
          </div>
        )}
      </div>
      <ApproveRequestDialog
        orgId={orgId}
        request={deciding?.kind === 'approve' ? deciding.request : null}
        onClose={() => setDeciding(null)}
      />
      <RejectRequestDialog
        orgId={orgId}
        request={deciding?.kind === 'reject' ? deciding.request : null}
        onClose={() => setDeciding(null)}
      />
    </div>
  );
}

function RequestRow({
  request,
  onApprove,
  onReject,
}: {
  request: InviteRequest;
  onApprove: () => void;
  onReject: () => void;
}) {
  const when = useTicking((now) => formatRelative(request.createdAt, now));
  return (
    <li className="request-row" aria-label={`Request for ${request.email}`}>
      <span className="request-row__icon" aria-hidden="true">
        <Icon name="mail" />
      </span>
      <div className="request-row__main">
        <div className="request-row__email">
          <span className="truncate">{request.email}</span>
          <Badge tone={request.role === 'EXTERNAL' ? 'teal' : 'neutral'}>{orgRoleLabel[request.role]}</Badge>
          {request.lite && <Badge tone="pending">Lite</Badge>}
        </div>
        <div className="request-row__meta">
          Requested by <strong>{request.requestedBy.name}</strong> · <time dateTime={request.createdAt}>{when}</time>
          {request.workspaces.length > 0 && (
            <>
              {' · '}
              {request.workspaces.map((w) => `${w.name} (${workspaceRoleLabel[w.role]})`).join(', ')}
            </>
          )}
        </div>
      </div>
      <div className="request-row__actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={onReject}
          aria-label={`Reject request for ${request.email}`}
        >
          Reject
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={onApprove}
          aria-label={`Approve request for ${request.email}`}
        >
          <Icon name="check" />
          Approve…
        </button>
      </div>
    </li>
  );
}
