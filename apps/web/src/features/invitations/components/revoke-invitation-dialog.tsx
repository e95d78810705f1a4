import { ConfirmDialog } from '../../../components/ui/alert-dialog.tsx';
import { useRevokeInvitation } from '../api/use-revoke-invitation.ts';
import { useInvitationDialogsStore } from '../stores/invitation-dialogs-store.ts';
import { useLatched } from '../../../lib/use-latched.ts';
import { usePresenceEditing } from '../../../lib/presence/use-presence.ts';

/** One confirmation for the whole list: the link dies at once, so it says so. */
export function RevokeInvitationDialog({ orgId, orgName }: { orgId: string; orgName: string }) {
  const target = useInvitationDialogsStore((s) => s.revokeTarget);
  const close = useInvitationDialogsStore((s) => s.closeDialogs);
  usePresenceEditing(target && { kind: 'invitation', id: target.id });
  const revoke = useRevokeInvitation(orgId);
  // Keeps the text while the dialog closes, after the target is cleared.
  const invitation = useLatched(target);
  if (!invitation) return null;
  return (
    <ConfirmDialog
      open={target !== null}
      onOpenChange={(open) => !open && !revoke.isPending && close()}
      title={`Revoke the invitation to ${invitation.email}?`}
      description={
        <>
          <p>
            The link sent to <strong>{invitation.email}</strong> stops working right away, and they won’t join {orgName}{' '}
            with it.
          </p>
          <p>You can invite the same address again later.</p>
        </>
      }
      confirmLabel="Revoke invitation"
      pending={revoke.isPending}
      onConfirm={() => revoke.mutate({ invitation }, { onSettled: close })}
    />
  );
}
