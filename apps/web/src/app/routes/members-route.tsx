import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { meQueryOptions } from '../../features/auth/api/me-query.ts';
import { MembersPage } from '../../features/members/components/members-page.tsx';
import { StatePanel } from '../../components/ui/state-panel.tsx';
import { invitationSlots } from './members-invitations.tsx';
import { WithGovernanceSlots } from './members-governance.tsx';

/** Composes who is signed in (auth) with the org's directory (members). */
export function MembersRoute() {
  const { orgId = '' } = useParams();
  const { data: me } = useQuery(meQueryOptions());
  const org = me?.organizations.find((o) => o.id === orgId);
  if (!me) return null;
  if (!org) {
    return (
      <StatePanel
        icon="lock"
        tone="warning"
        title="You’re not a member of this organization"
        as="h1"
        actions={
          <Link className="button button--secondary" to="/">
            Go to your organizations
          </Link>
        }
      >
        <p>The link may be old, or you may have been removed from it.</p>
      </StatePanel>
    );
  }
  // Keyed by org so a switch starts from a clean page (search box, dialogs) instead of the last org's.
  return (
    <WithGovernanceSlots key={org.id} org={org}>
      {(governance) => (
        <MembersPage
          orgId={org.id}
          orgName={org.name}
          viewerId={me.user.id}
          viewerRole={org.role}
          {...invitationSlots(org)}
          {...governance}
        />
      )}
    </WithGovernanceSlots>
  );
}
