import { NavLink } from 'react-router';
import type { Me, MyOrg } from '@roster/contracts';
import type { IconName } from '../../components/ui/icon.tsx';
import { orgPath } from '../../lib/org-paths.ts';

export interface OrgPage {
  to: string;
  label: string;
  icon: IconName;
}

/**
 * The current org's pages; the audit log, Settings and Developers (API keys) only for its admins (anyone else would get
 * "Access restricted").
 * A deleted org has none: every address of it shows the way to restore it.
 */
export function orgPages(org: MyOrg): OrgPage[] {
  if (org.status === 'pending_deletion') return [];
  return [
    { to: orgPath(org.slug, 'members'), label: 'Members', icon: 'users' },
    { to: orgPath(org.slug, 'workspaces'), label: 'Workspaces', icon: 'layers' },
    ...(org.role === 'ADMIN'
      ? [
          { to: `${orgPath(org.slug)}/audit`, label: 'Audit log', icon: 'clock' as const },
          { to: orgPath(org.slug, 'settings'), label: 'Settings', icon: 'settings' as const },
          { to: `${orgPath(org.slug)}/developers`, label: 'Developers', icon: 'lock' as const },
        ]
      : []),
  ];
}

export function OrgNav({ me, currentOrgId }: { me: Me; currentOrgId: string | undefined }) {
  const org = me.organizations.find((o) => o.id === currentOrgId);
  if (!org || org.status === 'pending_deletion') return null;
  return (
    <nav className="org-nav" aria-label={`${org.name} pages`}>
      {orgPages(org).map((page) => (
        <NavLink key={page.to} to={page.to} className="org-nav__link">
          {page.label}
        </NavLink>
      ))}
    </nav>
  );
}
