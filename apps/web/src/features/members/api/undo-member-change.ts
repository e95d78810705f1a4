import type { QueryClient } from '@tanstack/react-query';
import { EVENT_SEQ_HEADER, UndoMemberChangeResponseSchema, orgRoleLabel, type Member } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { isApiError } from '../../../lib/api-error.ts';
import { writeChanges } from '../../../lib/live-member-cache.ts';
import { toast } from '../../../components/ui/toast-store.ts';
import { markMembersChanged } from '../stores/recent-changes-store.ts';
import { conflictDetails } from '../utils/member-error-copy.ts';
import { undoErrorCopy, type UndoableChange } from '../utils/undo-copy.ts';
import { membersCache } from './members-keys.ts';

/** How long a change's toast offers Undo (the server accepts it for longer, so a slow click lands). */
export const UNDO_OFFER_MS = 10_000;

export function undoMemberChange(orgId: string, eventSeq: number) {
  return apiRequest(`/api/orgs/${encodeURIComponent(orgId)}/members/undo`, {
    method: 'POST',
    body: { eventSeq },
    schema: UndoMemberChangeResponseSchema,
  });
}

/** The event a change's answer names for its Undo; null when it names none (nothing changed). */
export function eventSeqFrom(headers: Headers): number | null {
  const seq = Number(headers.get(EVENT_SEQ_HEADER));
  return Number.isInteger(seq) && seq > 0 ? seq : null;
}

/**
 * Says what a change did, with Undo for `UNDO_OFFER_MS`. The Undo outlives the component that
 * made the change (a row scrolls away, a dialog closes), so it is a plain call, not a hook.
 */
export function toastChange(
  queryClient: QueryClient,
  orgId: string,
  change: UndoableChange & { title: string; description?: string; eventSeq: number | null },
) {
  const { eventSeq } = change;
  toast({
    tone: 'success',
    title: change.title,
    ...(change.description ? { description: change.description } : {}),
    ...(eventSeq === null
      ? {}
      : {
          duration: UNDO_OFFER_MS,
          action: {
            label: 'Undo',
            altText: undoAltText(change),
            onAction: () => void undo(queryClient, orgId, change, eventSeq),
          },
        }),
  });
}

/** What a screen reader hears in place of the button: how else to take the change back. */
function undoAltText(change: UndoableChange) {
  const { member } = change;
  return change.kind === 'role'
    ? `Undo, or set ${member.name}’s role back to ${orgRoleLabel[member.role]} in the list`
    : `Undo, or invite ${member.name} again`;
}

async function undo(queryClient: QueryClient, orgId: string, change: UndoableChange, eventSeq: number) {
  const write = (member: Member) => writeChanges(queryClient, membersCache, orgId, new Map([[member.userId, member]]));
  try {
    const { member } = await undoMemberChange(orgId, eventSeq);
    // A row back in the org has a place in each sorted list only the server can tell: refetch.
    if (change.kind === 'remove') void queryClient.invalidateQueries({ queryKey: membersCache.membersListsKey(orgId) });
    else write(member);
    markMembersChanged([member.userId]);
    toast({
      tone: 'success',
      title:
        change.kind === 'role'
          ? `${member.name} is ${orgRoleLabel[member.role]} again`
          : `${member.name} is back in ${change.orgName}`,
      description:
        change.kind === 'role'
          ? 'The role change was undone.'
          : 'The removal was undone: their role and workspaces are as they were.',
    });
  } catch (error) {
    const current = conflictDetails(isApiError(error, 'VERSION_CONFLICT') ? error.details : undefined)?.current;
    if (current) {
      write(current);
      markMembersChanged([current.userId]);
    }
    const mild = isApiError(error, 'VERSION_CONFLICT') || isApiError(error, 'ALREADY_REVERTED');
    toast({ tone: mild ? 'warning' : 'error', ...undoErrorCopy(error, change) });
  }
}
