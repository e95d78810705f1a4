import { Link } from 'react-router';
import { orgRoleLabel, type MyOrg } from '@roster/contracts';
import { Badge } from '../../components/ui/badge.tsx';
import { AccountSection } from '../../features/account/components/account-section.tsx';
import { LeaveOrgButton } from '../../features/settings/components/leave-org-button.tsx';
import { orgPath } from '../../lib/org-paths.ts';

/**
 * The account page's list of your organizations, each with your role and a way out. Leaving is
 * the server's call: a refusal (the last admin, a protected creator, an org that does not let
 * members leave) is explained in a toast and changes nothing.
 */
export function MyOrgsSection({ organizations, onLeft }: { organizations: MyOrg[]; onLeft: () => void }) {
  return (
    <AccountSection
      id="organizations"
      title="Your organizations"
      description="Where you are a member, with your role. Leaving takes effect at once."
    >
      {organizations.length === 0 ? (
        <p className="muted">
          You are not in any organization. <Link to="/no-organizations">Create or join one</Link>.
        </p>
      ) : (
        <ul className="session-list" aria-label="Your organizations">
          {organizations.map((org) => (
            <li key={org.id} className="session-row">
              <div className="session-row__text">
                <span className="session-row__device">
                  {org.status === 'active' ? <Link to={orgPath(org.slug, 'members')}>{org.name}</Link> : org.name}
                  {org.isCreator && <Badge tone="accent">Creator</Badge>}
                  {org.status === 'pending_deletion' && <Badge tone="danger">Deleted</Badge>}
                </span>
                <span className="session-row__meta">{orgRoleLabel[org.role]}</span>
              </div>
              {org.status === 'active' && <LeaveOrgButton orgId={org.id} orgName={org.name} onLeft={onLeft} />}
            </li>
          ))}
        </ul>
      )}
    </AccountSection>
  );
}
