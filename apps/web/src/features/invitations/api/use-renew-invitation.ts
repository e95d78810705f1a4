import type { Invitation } from '@roster/contracts';
import { toast } from '../../../components/ui/toast-store.ts';
import { postInvitation, useInvitationMutation } from './use-invitation-action.ts';

export const renewInvitation = (orgId: string, invitation: Invitation) =>
  postInvitation(orgId, invitation.id, 'renew', { version: invitation.version });

/** An expired invitation becomes pending again with a new link and a fresh TTL (R6). */
export function useRenewInvitation(orgId: string) {
  return useInvitationMutation(
    orgId,
    'renew',
    ({ invitation }: { invitation: Invitation }) => renewInvitation(orgId, invitation),
    (updated) =>
      toast({
        tone: 'success',
        title: `Invitation to ${updated.email} renewed`,
        description: 'It is pending again and a new link was mailed.',
      }),
  );
}
