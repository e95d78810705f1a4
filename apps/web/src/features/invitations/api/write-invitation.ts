import type { QueryClient } from '@tanstack/react-query';
import type { Invitation } from '@roster/contracts';
import { writeInvitation } from '../../../lib/live-invitation-cache.ts';
import { invitationsCache } from './invitations-keys.ts';

/** A mutation's answer goes through the same patch as a live event: newer versions win. */
export function writeInvitationAnswer(queryClient: QueryClient, orgId: string, invitation: Invitation) {
  writeInvitation(queryClient, invitationsCache, orgId, invitation);
}
