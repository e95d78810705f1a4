import { NavLink } from 'react-router';
import type { Me } from '@roster/contracts';

/** The current org's pages; Settings only for its admins (anyone else would get "Access restricted"). */
export function OrgNav({ me, currentOrgId }: { me: Me; currentOrgId: string | undefined }) {
  const org = me.organizations.find((o) => o.id === currentOrgId);
  if (!org) return null;
  const base = `/orgs/${org.id}`;
  return (
    <nav className="org-nav" aria-label={`${org.name} pages`}>
      <NavLink to={`${base}/members`} className="org-nav__link">
        Members
      </NavLink>
      <NavLink to={`${base}/workspaces`} className="org-nav__link">
        Workspaces
      </NavLink>
      {org.role === 'ADMIN' && (
        <NavLink to={`${base}/settings`} className="org-nav__link">
          Settings
        </NavLink>
      )}
    </nav>
  );
}
