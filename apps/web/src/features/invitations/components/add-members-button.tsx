import { Icon } from '../../../components/ui/icon.tsx';
import { useInvitationDialogsStore } from '../stores/invitation-dialogs-store.ts';
import type { InviteAccess } from '../utils/invite-permission.ts';
import { AddMembersDrawer } from './add-members-drawer.tsx';

interface AddMembersButtonProps {
  orgId: string;
  orgName: string;
  access: Exclude<InviteAccess, null>;
  variant?: 'primary' | 'secondary';
}

/** Opens the "Add members" drawer; members of a `members_request` org propose instead of invite. */
export function AddMembersButton({ orgId, orgName, access, variant = 'primary' }: AddMembersButtonProps) {
  const open = useInvitationDialogsStore((s) => s.drawerOpen);
  const openDrawer = useInvitationDialogsStore((s) => s.openDrawer);
  const closeDrawer = useInvitationDialogsStore((s) => s.closeDrawer);
  return (
    <>
      <button type="button" className={`button button--${variant}`} onClick={openDrawer}>
        <Icon name="userPlus" />
        {access === 'request' ? 'Request invitations' : 'Add members'}
      </button>
      <AddMembersDrawer
        orgId={orgId}
        orgName={orgName}
        access={access}
        open={open}
        onOpenChange={(next) => (next ? openDrawer() : closeDrawer())}
      />
    </>
  );
}
