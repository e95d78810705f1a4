import { useNavigate } from 'react-router';
import { RequestAccess } from '../../features/access-requests/components/request-access.tsx';
import { DomainsSection } from '../../features/domains/components/domains-section.tsx';
import { DangerZone } from '../../features/orgs/components/danger-zone.tsx';
import { OrgIdentitySection } from '../../features/orgs/components/org-identity-section.tsx';
import { LeaveOrgButton } from '../../features/settings/components/leave-org-button.tsx';
import { SettingsPage } from '../../features/settings/components/settings-page.tsx';
import { NotInOrg, useCurrentOrg } from './current-org.tsx';
import { usePresenceRoute } from './use-presence-route.ts';

/** Organization settings; the page turns into "Access restricted" the moment you stop being an admin. */
export function SettingsRoute() {
  const { me, org } = useCurrentOrg();
  const navigate = useNavigate();
  usePresenceRoute('settings');
  if (!me) return null;
  if (!org) return <NotInOrg />;
  return (
    <SettingsPage
      key={org.id}
      orgId={org.id}
      orgName={org.name}
      viewerRole={org.role}
      restrictedContent={org.role !== 'ADMIN' && <RequestAccess orgId={org.id} page="settings" />}
      identitySection={org.role === 'ADMIN' && <OrgIdentitySection orgId={org.id} />}
      domainsSection={org.role === 'ADMIN' && <DomainsSection orgId={org.id} orgName={org.name} />}
      dangerZone={
        <DangerZone
          org={org}
          viewerId={me.user.id}
          // Offered to everyone: when the org's rules keep you, the server's reason is said.
          leave={
            <LeaveOrgButton orgId={org.id} orgName={org.name} onLeft={() => void navigate('/', { replace: true })} />
          }
        />
      }
    />
  );
}
