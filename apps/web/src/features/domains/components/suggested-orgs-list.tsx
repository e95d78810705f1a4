import { useQuery } from '@tanstack/react-query';
import type { SuggestedOrg } from '@roster/contracts';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { suggestedOrgsQueryOptions } from '../api/suggested-orgs-query.ts';
import { useJoinSuggestedOrg } from '../api/use-join-suggested-org.ts';
import './domains.css';

interface SuggestedOrgsListProps {
  /** Joined (`/api/me` already lists the org): the app decides where to go. */
  onJoined: (orgId: string) => void;
}

/**
 * Orgs whose verified domain matches your verified address: "Join" where they suggest it,
 * "Ask to join" where admins decide, then "Requested" until they do. Renders nothing when there
 * are none: the page shows its frame only when `suggestedOrgsQueryOptions` lists some.
 */
export function SuggestedOrgsList({ onJoined }: SuggestedOrgsListProps) {
  const query = useQuery(suggestedOrgsQueryOptions());
  const join = useJoinSuggestedOrg(onJoined);
  const items = query.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <ul className="suggested-orgs" aria-label="Organizations you can join">
      {items.map((org) => (
        <SuggestedOrgItem
          key={org.orgId}
          org={org}
          busy={join.isPending && join.variables.orgId === org.orgId}
          onJoin={() => join.mutate(org)}
        />
      ))}
    </ul>
  );
}

function SuggestedOrgItem({ org, busy, onJoin }: { org: SuggestedOrg; busy: boolean; onJoin: () => void }) {
  const asks = org.enrollment === 'request';
  return (
    <li className="suggested-org">
      <Avatar name={org.orgName} seed={org.orgId} size={32} />
      <div className="suggested-org__text">
        <span className="suggested-org__name">{org.orgName}</span>
        <span className="suggested-org__meta">
          {asks
            ? `For people at ${org.domain}. An admin approves each request.`
            : `For people at ${org.domain}. You join as a member.`}
        </span>
      </div>
      {asks && org.requested ? (
        <span className="suggested-org__requested" role="status">
          Requested
        </span>
      ) : (
        <button
          type="button"
          className={`button ${asks ? 'button--secondary' : 'button--primary'} suggested-org__action`}
          disabled={busy}
          onClick={onJoin}
        >
          {busy ? (asks ? 'Asking…' : 'Joining…') : asks ? 'Ask to join' : `Join ${org.orgName}`}
        </button>
      )}
    </li>
  );
}
