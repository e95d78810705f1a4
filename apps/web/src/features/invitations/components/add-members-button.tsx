import { lazy, Suspense } from 'react';
import { Icon } from '../../../components/ui/icon.tsx';
import { useLatched } from '../../../lib/use-latched.ts';
import { useInvitationDialogsStore } from '../stores/invitation-dialogs-store.ts';
import type { InviteAccess } from '../utils/invite-permission.ts';

// The drawer (chips, CSV parsing, pickers) loads when first wanted, not with the members page;
// pointing at the button starts the download.
const loadDrawer = () => import('./add-members-drawer.tsx');
const AddMembersDrawer = lazy(() => loadDrawer().then((m) => ({ default: m.AddMembersDrawer })));

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
  // Once opened, it stays mounted so it can animate out and keep its place.
  const wanted = useLatched(open || null);
  return (
    <>
      <button
        type="button"
        className={`button button--${variant}`}
        onClick={openDrawer}
        onPointerEnter={() => void loadDrawer()}
        onFocus={() => void loadDrawer()}
      >
        <Icon name="userPlus" />
        {access === 'request' ? 'Request invitations' : 'Add members'}
      </button>
      {wanted && (
        <Suspense fallback={null}>
          <AddMembersDrawer
            orgId={orgId}
            orgName={orgName}
            access={access}
            open={open}
            onOpenChange={(next) => (next ? openDrawer() : closeDrawer())}
          />
        </Suspense>
      )}
    </>
  );
}
