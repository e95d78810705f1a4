import { AlreadyRevertedDetailsSchema, NotRevertibleDetailsSchema, orgRoleLabel, type Member } from '@roster/contracts';
import { isApiError } from '../../../lib/api-error.ts';
import { formatRelative } from '../../../lib/relative-time.ts';
import { conflictDetails, memberErrorCopy, type ErrorCopy } from './member-error-copy.ts';

/** A change the admin may undo, with the person as they were before it. */
export type UndoableChange = { kind: 'role'; member: Member } | { kind: 'remove'; member: Member; orgName: string };

/** Why an Undo did not go through, in plain words. Branches on `code`, never on `message`. */
export function undoErrorCopy(error: unknown, change: UndoableChange, now = Date.now()): ErrorCopy {
  const { member } = change;
  if (isApiError(error, 'VERSION_CONFLICT')) {
    const details = conflictDetails(error.details);
    const current = details?.current ?? member;
    const who = details?.changedBy?.name ?? 'Another admin';
    const when = details?.changedAt ? ` ${formatRelative(details.changedAt, now)}` : '';
    return {
      title: 'Someone else got there first',
      description: `${who} set ${current.name} to ${orgRoleLabel[current.role]}${when}, so nothing was undone.`,
    };
  }
  const title = 'Couldn’t undo';
  const description = (() => {
    if (!isApiError(error)) return null;
    switch (error.code) {
      case 'ALREADY_REVERTED': {
        const by = AlreadyRevertedDetailsSchema.safeParse(error.details);
        return `${by.success ? by.data.revertedBy.name : 'Another admin'} already undid this change.`;
      }
      case 'NOT_REVERTIBLE':
        return notRevertibleCopy(error.details, member);
      case 'ALREADY_MEMBER':
        return `${member.name} is already back in the organization.`;
      case 'LIMIT_EXCEEDED':
        return error.details?.scope === 'workspace'
          ? `A workspace ${member.name} was in is full, so they can’t be added back.`
          : `There is no free seat for ${member.name} any more. Free a seat first, then invite them again.`;
      case 'NOT_FOUND':
        return change.kind === 'role'
          ? `${member.name} is no longer a member of this organization.`
          : 'That removal can no longer be found.';
      default:
        return null;
    }
  })();
  return { title, description: description ?? memberErrorCopy(error, change.kind, member, now).description };
}

function notRevertibleCopy(details: unknown, member: Member): string {
  const parsed = NotRevertibleDetailsSchema.safeParse(details);
  switch (parsed.success ? parsed.data.reason : null) {
    case 'window_passed':
      return 'It’s too late to undo this change. Make the change again instead.';
    case 'account_deleted':
      return `${member.name} deleted their account, so they can’t be added back.`;
    default:
      return 'This change can’t be undone.';
  }
}
