import { useInfiniteQuery } from '@tanstack/react-query';
import { invitationsQueryOptions } from '../api/invitations-query.ts';

/**
 * "38 of 50 seats": members plus live invitations and requests (R5), from the invitations
 * list, which live events keep current.
 */
export function SeatUsage({ orgId }: { orgId: string }) {
  const query = useInfiniteQuery(invitationsQueryOptions(orgId, {}));
  const seats = query.data?.pages[0]?.seats;
  if (!seats) return null;
  const { used, limit } = seats;
  const ratio = limit ? Math.min(1, used / limit) : 0;
  const level = !limit ? 'none' : used >= limit ? 'full' : ratio >= 0.9 ? 'near' : 'ok';
  return (
    <div
      className="seat-usage"
      data-level={level}
      title="Members, pending invitations and requests waiting for approval each take a seat"
    >
      <span className="seat-usage__text" aria-live="polite">
        {limit ? (
          <>
            <strong>{used}</strong> of {limit} seats
          </>
        ) : (
          <>
            <strong>{used}</strong> {used === 1 ? 'seat' : 'seats'} used
          </>
        )}
      </span>
      {limit && (
        <span className="seat-usage__meter" aria-hidden="true">
          <span style={{ width: `${Math.round(ratio * 100)}%` }} />
        </span>
      )}
    </div>
  );
}
