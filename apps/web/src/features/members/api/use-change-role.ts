import { useMutation, useQueryClient } from '@tanstack/react-query';
import { MemberSchema, orgRoleLabel, type Member, type OrgRole, type UpdateMemberRole } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { isApiError } from '../../../lib/api-error.ts';
import { writeChanges } from '../../../lib/live-member-cache.ts';
import { toast } from '../../../components/ui/toast-store.ts';
import { markMembersChanged } from '../stores/recent-changes-store.ts';
import { conflictDetails, memberErrorCopy } from '../utils/member-error-copy.ts';
import { membersCache } from './members-keys.ts';
import { eventSeqFrom, toastChange } from './undo-member-change.ts';

/** The member as the change left them, and the event it names for an Undo (null when nothing changed). */
export async function changeMemberRole(orgId: string, userId: string, body: UpdateMemberRole) {
  // Filled in by the answer's headers (a callback TypeScript's narrowing cannot follow).
  const named: { eventSeq: number | null } = { eventSeq: null };
  const member = await apiRequest(`/api/orgs/${encodeURIComponent(orgId)}/members/${encodeURIComponent(userId)}`, {
    method: 'PATCH',
    body,
    schema: MemberSchema,
    onHeaders: (headers) => (named.eventSeq = eventSeqFrom(headers)),
  });
  return { member, eventSeq: named.eventSeq };
}

export interface ChangeRoleInput {
  member: Member;
  role: OrgRole;
}

/**
 * Sends the version the admin saw, so a change made meanwhile is refused rather than overwritten.
 * The pending role shows from the mutation's variables (nothing to roll back); the answer, or on
 * a conflict the row as it is now, is patched into the cached lists. A toast says what changed
 * and offers Undo.
 */
export function useChangeRole(orgId: string) {
  const queryClient = useQueryClient();
  const write = (member: Member | null, userId: string) =>
    writeChanges(queryClient, membersCache, orgId, new Map([[userId, member]]));
  return useMutation({
    mutationFn: ({ member, role }: ChangeRoleInput) =>
      changeMemberRole(orgId, member.userId, { role, version: member.version }),
    onSuccess: ({ member: updated, eventSeq }, { member }) => {
      write(updated, updated.userId);
      toastChange(queryClient, orgId, {
        kind: 'role',
        member,
        eventSeq,
        title: `${updated.name} is now ${orgRoleLabel[updated.role]}`,
      });
    },
    onError: (error, { member }) => {
      const current = conflictDetails(isApiError(error, 'VERSION_CONFLICT') ? error.details : undefined)?.current;
      if (current) {
        write(current, current.userId);
        // Flash the row, so the admin sees which value changed under them.
        markMembersChanged([current.userId]);
      }
      if (isApiError(error, 'NOT_FOUND')) write(null, member.userId);
      toast({
        tone: isApiError(error, 'VERSION_CONFLICT') ? 'warning' : 'error',
        ...memberErrorCopy(error, 'role', member),
      });
    },
  });
}
