import { Link, useRouteLoaderData } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { meQueryOptions } from '../../features/auth/api/me-query.ts';
import { StatePanel } from '../../components/ui/state-panel.tsx';
import { ORG_ROUTE_ID, type OrgRouteData } from './org-loaders.ts';

/** The id of the org whose page is open (its slug resolved by the `/o/:slug` loader), if any. */
export function useRouteOrgId(): string | undefined {
  return useRouteLoaderData<OrgRouteData>(ORG_ROUTE_ID)?.orgId;
}

/** The signed-in person and the org of the URL (undefined when they are not in it). */
export function useCurrentOrg() {
  const orgId = useRouteOrgId();
  const { data: me } = useQuery(meQueryOptions());
  return { me, org: me?.organizations.find((o) => o.id === orgId) };
}

export function NotInOrg() {
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
