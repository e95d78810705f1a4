import { AuditPage } from '../../features/audit/components/audit-page.tsx';
import { NotInOrg, useCurrentOrg } from './current-org.tsx';
import { usePresenceRoute } from './use-presence-route.ts';

/** The org's audit log; the page turns into "Access restricted" the moment you stop being an admin. */
export function AuditRoute() {
  const { me, org } = useCurrentOrg();
  usePresenceRoute('audit');
  if (!me) return null;
  if (!org) return <NotInOrg />;
  return <AuditPage key={org.id} orgId={org.id} orgName={org.name} viewerRole={org.role} />;
}
