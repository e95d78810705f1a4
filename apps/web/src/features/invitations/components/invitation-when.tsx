import type { Invitation } from '@roster/contracts';
import { useTicking } from '../../../lib/clock.ts';
import { formatRelative } from '../../../lib/relative-time.ts';
import { formatUntil } from '../utils/time-until.ts';

/** When it was sent and when it expires, kept current as time passes. */
export function InvitationWhen({ invitation }: { invitation: Invitation }) {
  const { createdAt, status } = invitation;
  const text = useTicking((now) => when(invitation, now).join('\n'));
  const [sent, expires] = text.split('\n');
  return (
    <div className="last-change" title={new Date(createdAt).toLocaleString()}>
      <span className="last-change__who">{sent}</span>
      <span className={`last-change__when ${status === 'expired' ? 'invitation-expired' : ''}`}>{expires}</span>
    </div>
  );
}

function when({ createdAt, expiresAt, status }: Invitation, now: number) {
  const sent = formatRelative(createdAt, now);
  if (status === 'requested') return [sent, 'Not sent until approved'];
  if (!expiresAt) return [sent, 'Never expires'];
  if (status === 'expired') return [sent, `Expired ${formatRelative(expiresAt, now)}`];
  return [sent, `Expires ${formatUntil(expiresAt, now)}`];
}
