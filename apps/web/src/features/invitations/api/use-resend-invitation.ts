import type { Invitation } from '@roster/contracts';
import { toast } from '../../../components/ui/toast-store.ts';
import { postInvitation, useInvitationMutation } from './use-invitation-action.ts';

export const resendInvitation = (orgId: string, invitation: Invitation) =>
  postInvitation(orgId, invitation.id, 'resend', { version: invitation.version });

/** Mails a fresh link; the previous one stops working. The server enforces a cooldown (RATE_LIMITED). */
export function useResendInvitation(orgId: string) {
  return useInvitationMutation(
    orgId,
    'resend',
    ({ invitation }: { invitation: Invitation }) => resendInvitation(orgId, invitation),
    (updated) =>
      toast({
        tone: 'success',
        title: `Invitation resent to ${updated.email}`,
        description: 'A new link is on its way; the previous one no longer works.',
      }),
  );
}
