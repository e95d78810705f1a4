import { MembersPage } from '../../features/members/components/members-page.tsx';
import { NotInOrg, useCurrentOrg } from './current-org.tsx';
import { usePresenceRoute } from './use-presence-route.ts';
import { historySlot } from './members-history.tsx';
import { invitationSlots } from './members-invitations.tsx';
import { WithGovernanceSlots } from './members-governance.tsx';

/** Composes who is signed in (auth) with the org's directory (members). */
export function MembersRoute() {
  const { me, org } = useCurrentOrg();
  usePresenceRoute('members');
  if (!me) return null;
  if (!org) return <NotInOrg />;
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
          {...historySlot(org)}
          {...governance}
        />
      )}
    </WithGovernanceSlots>
  );
}
