import {
  InvitationStatusSchema,
  InviteRequestAlreadyDecidedDetailsSchema,
  LimitExceededDetailsSchema,
  type InvitationStatus,
} from '@roster/contracts';
import { isApiError } from '../../../lib/api-error.ts';
import { formatRelative } from '../../../lib/relative-time.ts';

export interface ErrorCopy {
  title: string;
  description: string;
}

const decidedVerb: Partial<Record<InvitationStatus, string>> = {
  pending: 'approved',
  accepted: 'approved',
  expired: 'approved',
  rejected: 'rejected',
  revoked: 'withdrew',
  declined: 'approved',
};

/** The one table from a request decision's refusal to what an admin reads. */
export function inviteRequestErrorCopy(
  error: unknown,
  action: 'approve' | 'reject',
  email: string,
  now = Date.now(),
): ErrorCopy {
  const title = action === 'approve' ? 'Request not approved' : 'Request not rejected';
  if (!isApiError(error)) return { title, description: 'Something went wrong. Please try again.' };
  switch (error.code) {
    case 'ALREADY_DECIDED':
      return { title: 'Already decided', description: alreadyDecided(error.details, now) };
    case 'VERSION_CONFLICT':
      return {
        title: 'Someone else got there first',
        description: `The request for ${email} was changed meanwhile; it now shows its current terms. Review and try again.`,
      };
    case 'LIMIT_EXCEEDED': {
      const d = LimitExceededDetailsSchema.safeParse(error.details);
      return {
        title,
        description: d.success
          ? `The organization’s seat cap is ${d.data.limit} and ${d.data.current} seats are in use. Free a seat or raise the cap first.`
          : 'The organization’s seat cap is reached. Free a seat or raise the cap first.',
      };
    }
    case 'ALREADY_MEMBER':
      return { title, description: `${email} is already a member of this organization.` };
    case 'EXTERNAL_ROLE_LOCKED':
      return { title, description: 'Lite access allows at most the viewer role in a workspace, and never admin.' };
    case 'EXTERNAL_CANNOT_OWN':
      return { title, description: 'Externals can be members or viewers of a workspace, never owners.' };
    case 'FORBIDDEN':
      return { title, description: 'Only admins can decide requests, and you are no longer one here.' };
    case 'NOT_FOUND':
      return { title, description: `The request for ${email} no longer exists.` };
    case 'VALIDATION_FAILED':
      return { title, description: 'Those terms are not valid. Check the role and workspaces.' };
    default:
      return { title, description: error.status === 0 ? error.message : 'The server could not apply the decision.' };
  }
}

/** "Grace Hopper already approved this request 2 minutes ago." */
function alreadyDecided(details: unknown, now: number): string {
  const parsed = InviteRequestAlreadyDecidedDetailsSchema.safeParse(details);
  if (!parsed.success) return 'Another admin already decided this request.';
  const { decidedBy, decidedAt, status } = parsed.data;
  const who = decidedBy?.name ?? 'Another admin';
  const verb = decidedVerb[InvitationStatusSchema.parse(status)] ?? 'decided';
  const when = decidedAt ? ` ${formatRelative(decidedAt, now)}` : '';
  return verb === 'withdrew'
    ? `${who} already withdrew this request${when}.`
    : `${who} already ${verb} this request${when}.`;
}
