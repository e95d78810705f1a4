import { MemberConflictDetailsSchema, orgRoleLabel, type Member, type MemberConflictDetails } from '@roster/contracts';
import { isApiError } from '../../../lib/api-error.ts';
import { formatRelative } from '../../../lib/relative-time.ts';

export type MemberAction = 'role' | 'remove';

export interface ErrorCopy {
  title: string;
  description: string;
}

/** The one table from a refusal's code to what an admin reads. Branches on `code`, never on `message`. */
export function memberErrorCopy(error: unknown, action: MemberAction, member: Member, now = Date.now()): ErrorCopy {
  const title = action === 'role' ? 'Role not changed' : `${member.name} was not removed`;
  if (!isApiError(error)) return { title, description: 'Something went wrong. Please try again.' };
  const description = (() => {
    switch (error.code) {
      case 'VERSION_CONFLICT':
        return conflictCopy(conflictDetails(error.details), member, action, now);
      case 'LAST_ADMIN_PROTECTED':
        return 'The organization must keep at least one admin. Make someone else an admin first.';
      case 'SELF_ROLE_CHANGE':
        return 'You can’t change your own role. Ask another admin to do it.';
      case 'SELF_REMOVAL':
        return 'You can’t remove yourself from the organization.';
      case 'CREATOR_PROTECTED':
        return `${member.name} created this organization, so they can’t be ${action === 'role' ? 'demoted' : 'removed'}.`;
      case 'EXTERNAL_ROLE_LOCKED':
        return `${member.name} has lite access. Clear lite access before making them an admin.`;
      case 'FORBIDDEN':
        return 'Only admins can manage members, and you are no longer one here.';
      case 'NOT_FOUND':
        return `${member.name} is no longer a member of this organization.`;
      case 'VALIDATION_FAILED':
        return 'That change is not valid. Reload the page and try again.';
      case 'RATE_LIMITED':
        return 'Too many changes at once. Wait a moment and try again.';
      default:
        return error.status === 0 ? error.message : 'The server could not apply the change. Please try again.';
    }
  })();
  return { title: error.code === 'VERSION_CONFLICT' ? 'Someone else got there first' : title, description };
}

export function conflictDetails(details: unknown): MemberConflictDetails | null {
  const parsed = MemberConflictDetailsSchema.safeParse(details);
  return parsed.success ? parsed.data : null;
}

/** e.g. "Grace Hopper set Linus Torvalds to Admin 4 s ago; your change was not applied." */
function conflictCopy(details: MemberConflictDetails | null, member: Member, action: MemberAction, now: number) {
  const current = details?.current ?? member;
  const who = details?.changedBy?.name ?? 'Another admin';
  const when = details?.changedAt ? ` ${formatRelative(details.changedAt, now)}` : '';
  const what = action === 'role' ? 'your change was not applied' : `${current.name} was not removed`;
  return `${who} set ${current.name} to ${orgRoleLabel[current.role]}${when}; ${what}.`;
}
