import { useParams } from 'react-router';
import { RequestAccess } from '../../features/access-requests/components/request-access.tsx';
import { WorkspacePage } from '../../features/workspaces/components/workspace-page.tsx';
import { WorkspacesPage } from '../../features/workspaces/components/workspaces-page.tsx';
import { NotInOrg, useCurrentOrg } from './current-org.tsx';
import { usePresenceRoute } from './use-presence-route.ts';

export function WorkspacesRoute() {
  const { me, org } = useCurrentOrg();
  if (!me) return null;
  if (!org) return <NotInOrg />;
  // Keyed by role too: a demoted admin's page is rebuilt with what they may see now.
  return (
    <WorkspacesPage key={`${org.id}:${org.role}`} orgId={org.id} orgName={org.name} isAdmin={org.role === 'ADMIN'} />
  );
}

export function WorkspaceRoute() {
  const { me, org } = useCurrentOrg();
  const { wsId = '' } = useParams();
  usePresenceRoute(`workspace:${wsId}`);
  if (!me) return null;
  if (!org) return <NotInOrg />;
  return (
    <WorkspacePage
      key={`${org.id}:${wsId}`}
      orgId={org.id}
      orgName={org.name}
      workspaceId={wsId}
      viewerId={me.user.id}
      isAdmin={org.role === 'ADMIN'}
      restrictedContent={<RequestAccess orgId={org.id} page="workspace" workspaceId={wsId} />}
    />
  );
}
