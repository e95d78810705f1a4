import type {
  ApproveInviteRequest,
  InvitationGrantInput,
  InvitationStatus,
  InviteRequestOutcome,
  OrgRole,
} from '@roster/contracts';
import { DomainError } from '../../lib/domain-error.ts';
import { assertSeatsAvailable, assertTermsAllowed } from '../invitations/invitations.policy.ts';

/** Where a request stands, as the rules need it: pure data, so the rules unit-test. */
export interface RequestStanding {
  /** The effective status of the row now (an approved request may since be pending, accepted…). */
  status: InvitationStatus;
  outcome: InviteRequestOutcome | null;
  decidedBy: { id: string; name: string } | null;
  decidedAt: Date | null;
}

/**
 * R15: two admins deciding one request — the first wins, the second is told who decided and
 * when. Checked before the version, so a decided request never reads as a mere edit.
 */
export function assertUndecided(standing: RequestStanding): void {
  if (standing.status === 'requested') return;
  const who = standing.decidedBy?.name ?? 'Someone';
  const verb = standing.outcome ?? 'decided';
  throw new DomainError('ALREADY_DECIDED', `${who} already ${verb} this request`, {
    decidedBy: standing.decidedBy,
    decidedAt: standing.decidedAt?.toISOString() ?? null,
    status: standing.status,
  });
}

export interface InvitationTerms {
  role: OrgRole;
  lite: boolean;
  grants: InvitationGrantInput[];
}

/**
 * The terms an approval issues: what the member proposed, with the admin's adjustments. The
 * approver is an admin, so ADMIN is allowed (R3 limits only what members propose); R11 applies
 * to the result, whichever side set each field.
 */
export function approvedTerms(
  proposed: InvitationTerms,
  adjust: Pick<ApproveInviteRequest, 'role' | 'lite' | 'workspaces'>,
): InvitationTerms {
  const terms = {
    role: adjust.role ?? proposed.role,
    lite: adjust.lite ?? proposed.lite,
    grants: adjust.workspaces ?? proposed.grants,
  };
  assertTermsAllowed(terms.role, terms.lite, terms.grants);
  return terms;
}

/**
 * R5 on approve: `used` already counts the request's own seat (requests hold one), so approving
 * it adds nothing; only a cap lowered below usage since refuses it.
 */
export function assertSeatForApproval(limit: number | null, used: number): void {
  assertSeatsAvailable(limit, Math.max(0, used - 1), 1);
}

/** A blank reason is no reason. */
export function rejectionReason(reason: string | undefined): string | null {
  const trimmed = reason?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
