import { useEffect, useRef } from 'react';
import { useIsMutating, useQuery } from '@tanstack/react-query';
import { orgRoleLabel, type InvitationStatus, type MyInviteRequest } from '@roster/contracts';
import { Badge, type BadgeTone } from '../../../components/ui/badge.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { useTicking } from '../../../lib/clock.ts';
import { formatRelative } from '../../../lib/relative-time.ts';
import { myInviteRequestsQueryOptions } from '../api/my-invite-requests-query.ts';
import './invite-requests.css';

const statusCopy: Record<InvitationStatus, { label: string; tone: BadgeTone }> = {
  requested: { label: 'Waiting for approval', tone: 'pending' },
  pending: { label: 'Approved · invitation sent', tone: 'success' },
  accepted: { label: 'Approved · joined', tone: 'success' },
  expired: { label: 'Approved · invitation expired', tone: 'neutral' },
  revoked: { label: 'Invitation withdrawn', tone: 'neutral' },
  declined: { label: 'Approved · declined', tone: 'neutral' },
  rejected: { label: 'Rejected', tone: 'danger' },
};

/** Your own requests in this org; each one's state changes live as admins decide. */
export function MyRequests({ orgId }: { orgId: string }) {
  const query = useQuery(myInviteRequestsQueryOptions(orgId));
  useRefetchAfterMutations(query.refetch);
  const items = query.data?.items ?? [];
  return (
    <section className="my-requests" aria-labelledby="my-requests-title">
      <h2 id="my-requests-title" className="my-requests__title">
        My requests
      </h2>
      {query.isPending ? (
        <p className="muted my-requests__empty">
          <Spinner /> Loading…
        </p>
      ) : query.isError ? (
        <p className="muted my-requests__empty">Your requests could not be loaded just now.</p>
      ) : items.length === 0 ? (
        <p className="muted my-requests__empty">You haven’t requested any invitations yet.</p>
      ) : (
        <ul className="my-requests__list" aria-label="My requests">
          {items.map((r) => (
            <MyRequestRow key={r.id} request={r} />
          ))}
        </ul>
      )}
    </section>
  );
}

function MyRequestRow({ request }: { request: MyInviteRequest }) {
  const asked = useTicking((now) => formatRelative(request.createdAt, now));
  const decided = useTicking((now) => (request.decidedAt ? formatRelative(request.decidedAt, now) : ''));
  const status = statusCopy[request.status];
  return (
    <li className="my-request" aria-label={`Request for ${request.email}`}>
      <div className="my-request__main">
        <span className="my-request__email truncate">{request.email}</span>
        <span className="muted my-request__meta">
          {orgRoleLabel[request.role]} · requested {asked}
          {request.decidedBy && (
            <>
              {' · '}
              {request.outcome === 'rejected' ? 'rejected' : 'approved'} by {request.decidedBy.name} {decided}
            </>
          )}
        </span>
        {request.reason && <span className="my-request__reason">“{request.reason}”</span>}
      </div>
      <Badge tone={status.tone}>{status.label}</Badge>
    </li>
  );
}

/**
 * A request you file (from the invitations feature's drawer) raises no event for you, so the list
 * is read again whenever a mutation on this page settles; decisions arrive live.
 */
function useRefetchAfterMutations(refetch: () => unknown) {
  const mutating = useIsMutating();
  const before = useRef(mutating);
  useEffect(() => {
    if (before.current > 0 && mutating === 0) void refetch();
    before.current = mutating;
  }, [mutating, refetch]);
}
