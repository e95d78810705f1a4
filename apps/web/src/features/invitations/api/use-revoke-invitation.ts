import type { Invitation } from '@roster/contracts';
import { toast } from '../../../components/ui/toast-store.ts';
import { postInvitation, useInvitationMutation } from './use-invitation-action.ts';

export const revokeInvitation = (orgId: string, invitation: Invitation) =>
  postInvitation(orgId, invitation.id, 'revoke', { version: invitation.version });

/** The link dies at once; the row leaves the list (the answer's status is `revoked`). */
export function useRevokeInvitation(orgId: string) {
  return useInvitationMutation(
    orgId,
    'revoke',
    ({ invitation }: { invitation: Invitation }) => revokeInvitation(orgId, invitation),
    (updated) =>
      toast({
        tone: 'success',
        title: `Invitation to ${updated.email} revoked`,
        description: 'Its link no longer works and the seat is free again.',
      }),
  );
}
