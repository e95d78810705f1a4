import type { Invitation } from '@roster/contracts';
import { Menu, MenuItem, MenuSeparator } from '../../../components/ui/dropdown-menu.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { useCopyInviteLink } from '../api/use-copy-invite-link.ts';
import { useRenewInvitation } from '../api/use-renew-invitation.ts';
import { useResendInvitation } from '../api/use-resend-invitation.ts';
import { useInvitationDialogsStore } from '../stores/invitation-dialogs-store.ts';

/** What an admin can do with one invitation; only what its state allows is offered. */
export function InvitationRowActions({ orgId, invitation }: { orgId: string; invitation: Invitation }) {
  const resend = useResendInvitation(orgId);
  const renew = useRenewInvitation(orgId);
  const copyLink = useCopyInviteLink(orgId);
  const openRevoke = useInvitationDialogsStore((s) => s.openRevoke);
  const openEdit = useInvitationDialogsStore((s) => s.openEdit);
  const { status } = invitation;
  const busy = resend.isPending || renew.isPending || copyLink.isPending;
  return (
    <Menu
      trigger={
        <button
          type="button"
          className="icon-button"
          aria-label={`Actions for the invitation to ${invitation.email}`}
          aria-busy={busy || undefined}
        >
          <Icon name="more" />
        </button>
      }
    >
      {status === 'pending' && (
        <MenuItem icon={<Icon name="mail" />} onSelect={() => resend.mutate({ invitation })} disabled={busy}>
          Resend invitation
        </MenuItem>
      )}
      {status === 'expired' && (
        <MenuItem icon={<Icon name="refresh" />} onSelect={() => renew.mutate({ invitation })} disabled={busy}>
          Renew invitation
        </MenuItem>
      )}
      {status !== 'requested' && (
        <MenuItem
          icon={<Icon name="link" />}
          onSelect={() => copyLink.mutate(invitation)}
          disabled={busy}
          hint="The mailed link keeps working; a link copied earlier stops"
        >
          Copy invite link
        </MenuItem>
      )}
      {status !== 'expired' && (
        <MenuItem icon={<Icon name="pencil" />} onSelect={() => openEdit(invitation)}>
          Edit role and workspaces…
        </MenuItem>
      )}
      {status !== 'requested' && (
        <>
          <MenuSeparator />
          <MenuItem tone="danger" icon={<Icon name="x" />} onSelect={() => openRevoke(invitation)}>
            Revoke invitation…
          </MenuItem>
        </>
      )}
    </Menu>
  );
}
