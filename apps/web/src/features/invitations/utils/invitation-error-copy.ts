import {
  InvitationConflictDetailsSchema,
  LimitExceededDetailsSchema,
  orgRoleLabel,
  type Invitation,
} from '@roster/contracts';
import { z } from 'zod';
import { isApiError } from '../../../lib/api-error.ts';
import { formatRelative } from '../../../lib/relative-time.ts';

export type InvitationAction = 'invite' | 'resend' | 'renew' | 'revoke' | 'edit' | 'link';

export interface ErrorCopy {
  title: string;
  description: string;
}

const titles: Record<InvitationAction, string> = {
  invite: 'No one was invited',
  resend: 'Invitation not resent',
  renew: 'Invitation not renewed',
  revoke: 'Invitation not revoked',
  edit: 'Invitation not changed',
  link: 'Could not copy a link',
};

/** "This would exceed your 50 seats (48 used)." from `LIMIT_EXCEEDED` details (R5). */
export function seatLimitCopy(details: unknown): string {
  const parsed = LimitExceededDetailsSchema.safeParse(details);
  if (!parsed.success) return 'This would exceed the organization’s seat limit.';
  const { limit, current, max } = parsed.data;
  const left = max === 0 ? 'No seats are left.' : `Only ${max} more ${max === 1 ? 'seat is' : 'seats are'} free.`;
  return `This would exceed your ${limit} seats (${current} used). ${left} Nobody in this batch was invited.`;
}

/** `RATE_LIMITED` on resend: the cooldown, in words. */
export function cooldownCopy(details: unknown): string {
  const wait = z.object({ retryAfterSeconds: z.number() }).safeParse(details);
  const seconds = wait.success ? wait.data.retryAfterSeconds : null;
  return seconds
    ? `This invitation was mailed a moment ago. You can send it again in ${seconds} s.`
    : 'This invitation was mailed a moment ago. Wait a minute before sending it again.';
}

/** The row as it is now, from a `VERSION_CONFLICT`; null for any other refusal. */
export function conflictInvitation(error: unknown): Invitation | null {
  if (!isApiError(error, 'VERSION_CONFLICT')) return null;
  const parsed = InvitationConflictDetailsSchema.safeParse(error.details);
  return parsed.success ? parsed.data.current : null;
}

/** The one table from a refusal's code to what an admin reads about invitations. */
export function invitationErrorCopy(
  error: unknown,
  action: InvitationAction,
  invitation?: Pick<Invitation, 'email'>,
  now = Date.now(),
): ErrorCopy {
  const title = titles[action];
  const who = invitation?.email ?? 'this address';
  if (!isApiError(error)) return { title, description: 'Something went wrong. Please try again.' };
  switch (error.code) {
    case 'LIMIT_EXCEEDED':
      return { title: 'Seat limit reached', description: seatLimitCopy(error.details) };
    case 'RATE_LIMITED':
      return {
        title: action === 'invite' ? 'Too many invitations at once' : 'Sent a moment ago',
        description: action === 'invite' ? 'Wait a minute, then try again.' : cooldownCopy(error.details),
      };
    case 'VERSION_CONFLICT':
      return { title: 'Someone else got there first', description: conflictCopy(error.details, now) };
    case 'ALREADY_DECIDED':
      return { title, description: `The invitation to ${who} was already accepted, declined or revoked.` };
    case 'INVITE_EXPIRED':
      return { title, description: `The invitation to ${who} has expired. Renew it first.` };
    case 'NOT_FOUND':
      return { title, description: `The invitation to ${who} no longer exists.` };
    case 'FORBIDDEN':
      return {
        title,
        description:
          action === 'invite'
            ? 'Your role does not allow this. Only admins, and owners of a workspace for their own workspace, can give access to workspaces.'
            : 'Your role in this organization does not allow this.',
      };
    case 'EXTERNAL_CANNOT_OWN':
      return { title, description: 'Externals can be members or viewers of a workspace, never owners.' };
    case 'REQUEST_LIMIT':
      return {
        title: 'Too many requests waiting',
        description:
          'You have as many invitation requests waiting as this organization allows. Wait for an admin to decide some first.',
      };
    case 'DUPLICATE_INVITE':
      return { title, description: `${who} already has a live invitation.` };
    case 'ALREADY_MEMBER':
      return { title, description: `${who} is already a member.` };
    case 'VALIDATION_FAILED':
      return {
        title,
        description:
          action === 'invite' || action === 'edit'
            ? 'Check the role and workspaces: lite access allows only Viewer in workspaces and cannot be Admin.'
            : 'That change is not valid. Reload the page and try again.',
      };
    default:
      return {
        title,
        description: error.status === 0 ? error.message : 'The server could not apply the change. Please try again.',
      };
  }
}

/** e.g. "Grace Hopper changed the invitation to x@y.z 4 s ago (now Admin); your change was not applied." */
function conflictCopy(details: unknown, now: number): string {
  const parsed = InvitationConflictDetailsSchema.safeParse(details);
  if (!parsed.success) return 'Another admin changed this invitation meanwhile; your change was not applied.';
  const { current, changedBy, changedAt } = parsed.data;
  const who = changedBy?.name ?? 'Another admin';
  const when = changedAt ? ` ${formatRelative(changedAt, now)}` : '';
  return `${who} changed the invitation to ${current.email}${when} (now ${orgRoleLabel[current.role]}); your change was not applied.`;
}
