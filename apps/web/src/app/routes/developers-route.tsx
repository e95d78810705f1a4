import { DevelopersPage } from '../../features/developers/components/developers-page.tsx';
import { NotInOrg, useCurrentOrg } from './current-org.tsx';

/** The org's API keys; the page turns into "Access restricted" the moment you stop being an admin. */
export function DevelopersRoute() {
  const { me, org } = useCurrentOrg();
  if (!me) return null;
  if (!org) return <NotInOrg />;
  return (
    <DevelopersPage
      key={org.id}
      orgId={org.id}
      orgName={org.name}
      isAdmin={org.role === 'ADMIN'}
      isCreator={org.isCreator}
    />
  );
}
