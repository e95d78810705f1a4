import { Link } from 'react-router';
import { orgRoleLabel } from '@roster/contracts';
import { AddMembersButton } from '../../features/invitations/components/add-members-button.tsx';
import { inviteAccess } from '../../features/invitations/utils/invite-permission.ts';
import { StatePanel } from '../../components/ui/state-panel.tsx';
import { orgPath } from '../../lib/org-paths.ts';
import { useCurrentOrg } from './current-org.tsx';

/** Where a member lands after joining: what they are now, and what they can do here. */
export function OrgWelcomeRoute() {
  const { me, org } = useCurrentOrg();
  if (!me) return null;
  if (!org) {
    return (
      <StatePanel icon="lock" tone="warning" title="You’re not a member of this organization" as="h1">
        <p>The invitation may not have gone through. Check your invitations in the header.</p>
      </StatePanel>
    );
  }
  const access = inviteAccess(org);
  const role = orgRoleLabel[org.role];
  return (
    <StatePanel
      icon="check"
      as="h1"
      title={`You joined ${org.name}`}
      actions={
        <>
          {access && <AddMembersButton orgId={org.id} orgName={org.name} access={access} variant="secondary" />}
          {org.role === 'ADMIN' && (
            <Link className="button button--primary" to={orgPath(org.slug, 'members')}>
              Open members
            </Link>
          )}
        </>
      }
    >
      <p>
        You’re {/^[AEIOU]/.test(role) ? 'an' : 'a'} <strong>{role.toLowerCase()}</strong>
        {org.lite ? ' with lite access' : ''}. The workspaces you were given are ready for you.
      </p>
      {access === 'request' && <p>You can propose new people; an admin approves each invitation.</p>}
    </StatePanel>
  );
}
