import type { Invitation, UpdateInvitation } from '@roster/contracts';
import { InvitationSchema } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { toast } from '../../../components/ui/toast-store.ts';
import { useInvitationMutation } from './use-invitation-action.ts';

export function updateInvitation(orgId: string, id: string, body: UpdateInvitation) {
  return apiRequest(`/api/orgs/${encodeURIComponent(orgId)}/invitations/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body,
    schema: InvitationSchema,
  });
}

export interface UpdateInvitationInput {
  invitation: Invitation;
  changes: Omit<UpdateInvitation, 'version'>;
}

/** Edits the terms with the version the admin saw; a change made meanwhile is refused, not overwritten. */
export function useUpdateInvitation(orgId: string) {
  return useInvitationMutation(
    orgId,
    'edit',
    ({ invitation, changes }: UpdateInvitationInput) =>
      updateInvitation(orgId, invitation.id, { ...changes, version: invitation.version }),
    (updated) => toast({ tone: 'success', title: `Invitation to ${updated.email} updated` }),
  );
}
