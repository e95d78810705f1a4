import { useMutation, useQueryClient } from '@tanstack/react-query';
import { InvitationLinkSchema, type Invitation } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { toast } from '../../../components/ui/toast-store.ts';
import { invitationErrorCopy } from '../utils/invitation-error-copy.ts';
import { writeInvitationAnswer } from './write-invitation.ts';

export function issueInviteLink(orgId: string, id: string) {
  return apiRequest(`/api/orgs/${encodeURIComponent(orgId)}/invitations/${encodeURIComponent(id)}/link`, {
    method: 'POST',
    body: {},
    schema: InvitationLinkSchema,
  });
}

async function copyToClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Only token hashes are stored, so "copy link" issues a fresh link beside the mailed one, which
 * keeps working; a link copied earlier stops. When the clipboard is refused, the link is shown
 * to copy by hand.
 */
export function useCopyInviteLink(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (invitation: Invitation) => {
      const link = await issueInviteLink(orgId, invitation.id);
      return { ...link, copied: await copyToClipboard(link.url) };
    },
    onSuccess: ({ url, invitation, copied }) => {
      writeInvitationAnswer(queryClient, orgId, invitation);
      toast(
        copied
          ? {
              tone: 'success',
              title: 'Link copied',
              description: `${invitation.email} can use it or the mailed link; a link copied earlier no longer works.`,
            }
          : { tone: 'info', title: 'Copy this link — the mailed link keeps working', description: url },
      );
    },
    onError: (error, invitation) => toast({ tone: 'error', ...invitationErrorCopy(error, 'link', invitation) }),
  });
}
