import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Member } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { isApiError } from '../../../lib/api-error.ts';
import { writeChanges } from '../../../lib/live-member-cache.ts';
import { toast } from '../../../components/ui/toast-store.ts';
import { markMembersChanged } from '../stores/recent-changes-store.ts';
import { conflictDetails, memberErrorCopy } from '../utils/member-error-copy.ts';
import { membersCache } from './members-keys.ts';
import { eventSeqFrom, toastChange } from './undo-member-change.ts';

/** Removes; resolves with the event the removal names for an Undo. */
export async function removeMember(orgId: string, member: Pick<Member, 'userId' | 'version'>) {
  const path = `/api/orgs/${encodeURIComponent(orgId)}/members/${encodeURIComponent(member.userId)}`;
  // Filled in by the answer's headers (a callback TypeScript's narrowing cannot follow).
  const named: { eventSeq: number | null } = { eventSeq: null };
  await apiRequest(`${path}?version=${member.version}`, {
    method: 'DELETE',
    onHeaders: (headers) => (named.eventSeq = eventSeqFrom(headers)),
  });
  return { eventSeq: named.eventSeq };
}

/**
 * Removes with the version the admin confirmed: someone changed meanwhile is not removed blindly.
 * A toast says who left which org and offers Undo.
 */
export function useRemoveMember(orgId: string, orgName: string) {
  const queryClient = useQueryClient();
  const write = (userId: string, member: Member | null) =>
    writeChanges(queryClient, membersCache, orgId, new Map([[userId, member]]));
  return useMutation({
    mutationFn: (member: Member) => removeMember(orgId, member),
    onSuccess: ({ eventSeq }, member) => {
      write(member.userId, null);
      toastChange(queryClient, orgId, {
        kind: 'remove',
        member,
        orgName,
        eventSeq,
        title: `Removed ${member.name} from ${orgName}`,
        description: 'Their workspace access and sessions in this organization have ended.',
      });
    },
    onError: (error, member) => {
      const current = conflictDetails(isApiError(error, 'VERSION_CONFLICT') ? error.details : undefined)?.current;
      if (current) {
        write(current.userId, current);
        // Flash the row, so the admin sees which value changed under them.
        markMembersChanged([current.userId]);
      }
      if (isApiError(error, 'NOT_FOUND')) write(member.userId, null);
      toast({
        tone: isApiError(error, 'VERSION_CONFLICT') ? 'warning' : 'error',
        ...memberErrorCopy(error, 'remove', member),
      });
    },
  });
}
