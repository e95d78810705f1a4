import type { InviteResultStatus } from '@roster/contracts';
import { Badge, type BadgeTone } from '../../../components/ui/badge.tsx';

export type AddressOutcome = InviteResultStatus | 'not_sent';

export interface AddressResult {
  email: string;
  status: AddressOutcome;
}

export const outcomeCopy: Record<AddressOutcome, { label: string; tone: BadgeTone; summary: string }> = {
  invited: { label: 'Invited', tone: 'success', summary: 'invited' },
  requested: { label: 'Requested · waiting approval', tone: 'pending', summary: 'requested' },
  duplicate: { label: 'Already invited', tone: 'neutral', summary: 'already invited' },
  already_member: { label: 'Already a member', tone: 'neutral', summary: 'already members' },
  invalid: { label: 'Invalid address', tone: 'danger', summary: 'invalid' },
  not_sent: { label: 'Not sent', tone: 'danger', summary: 'not sent' },
};

const order: AddressOutcome[] = ['invited', 'requested', 'duplicate', 'already_member', 'invalid', 'not_sent'];

/** "2 invited · 1 already a member · 1 invalid": what happened, never a blanket "all sent". */
export function resultsSummary(results: AddressResult[]): string {
  return order
    .map((status) => {
      const n = results.filter((r) => r.status === status).length;
      if (n === 0) return null;
      const words = status === 'already_member' && n === 1 ? 'already a member' : outcomeCopy[status].summary;
      return `${n} ${words}`;
    })
    .filter(Boolean)
    .join(' · ');
}

/** One line per address with what the server did with it (R17). */
export function InviteResults({ results, hideList }: { results: AddressResult[]; hideList?: boolean }) {
  const sent = results.filter((r) => r.status === 'invited' || r.status === 'requested').length;
  return (
    <section className="invite-results" aria-labelledby="invite-results-title">
      <div className={`invite-results__banner ${sent === 0 ? 'invite-results__banner--none' : ''}`}>
        <h3 id="invite-results-title">{sent === 0 ? 'Nobody new was invited' : 'Invitations processed'}</h3>
        <p role="status">{resultsSummary(results)}</p>
      </div>
      {!hideList && (
        <ul className="invite-results__list" aria-label="Result per address">
          {results.map((r) => (
            <li key={r.email} className="invite-results__row">
              <span className="invite-results__email truncate">{r.email}</span>
              <Badge tone={outcomeCopy[r.status].tone}>{outcomeCopy[r.status].label}</Badge>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
