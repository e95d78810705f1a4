import type { MyOrg } from '@roster/contracts';
import { AddMembersButton } from '../../features/invitations/components/add-members-button.tsx';
import { SeatUsage } from '../../features/invitations/components/seat-usage.tsx';
import { inviteAccess } from '../../features/invitations/utils/invite-permission.ts';

/**
 * What the invitations feature adds to the members page's header: seat usage and "Add members"
 * (admins; their invitations are a section of the page, see members-sections.tsx); "Request
 * invitations" for members when the org's policy lets them (R3).
 */
export function invitationSlots(org: MyOrg) {
  const access = inviteAccess(org);
  if (!access) return {};
  if (org.role !== 'ADMIN') {
    return {
      headerActions: <AddMembersButton orgId={org.id} orgName={org.name} access={access} variant="secondary" />,
    };
  }
  return {
    headerActions: (
      <div className="invite-actions">
        <SeatUsage orgId={org.id} />
        <AddMembersButton orgId={org.id} orgName={org.name} access={access} />
      </div>
    ),
  };
}
