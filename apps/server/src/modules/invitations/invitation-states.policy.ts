import type { InvitationStatus } from '@roster/contracts';
import { DomainError } from '../../lib/domain-error.ts';

// The state machine of product.md, one guard per transition. Each takes the *effective* status
// (a pending invitation past its expiry is expired) and throws the code the client branches on.

const terminal = new Set<InvitationStatus>(['accepted', 'revoked', 'declined', 'rejected']);

function alreadyDecided(status: InvitationStatus): DomainError {
  return new DomainError('ALREADY_DECIDED', `This invitation was already ${status}`, { status });
}

function awaitingApproval(): DomainError {
  return new DomainError('VALIDATION_FAILED', 'This is a request waiting for approval; approve it first', {
    status: 'requested',
  });
}

/** Resend, renew and "copy link" issue a new token: pending → pending, expired → pending. */
export function assertCanIssueLink(status: InvitationStatus): void {
  if (terminal.has(status)) throw alreadyDecided(status);
  if (status === 'requested') throw awaitingApproval();
}

/** Revoke kills the link at once: pending or expired → revoked. Requests are rejected, not revoked. */
export function assertCanRevoke(status: InvitationStatus): void {
  if (terminal.has(status)) throw alreadyDecided(status);
  if (status === 'requested') throw awaitingApproval();
}

/** The terms (role, lite, grants) of a live invitation or request can change; others are history. */
export function assertCanEdit(status: InvitationStatus): void {
  if (terminal.has(status)) throw alreadyDecided(status);
  if (status === 'expired') throw new DomainError('INVITE_EXPIRED', 'This invitation expired; renew it first');
}

/** R7: what a link or inbox entry says when it can no longer be accepted or declined. */
export function assertOpenForInvitee(status: InvitationStatus): void {
  if (status === 'pending') return;
  if (status === 'revoked') throw new DomainError('INVITE_REVOKED', 'This invitation was withdrawn');
  if (status === 'expired') throw new DomainError('INVITE_EXPIRED', 'This invitation has expired; ask for a new one');
  if (status === 'accepted' || status === 'declined') throw alreadyDecided(status);
  throw new DomainError('NOT_FOUND', 'This invitation was not found');
}

/** R7: only the invited address may use an invitation, compared case-insensitively. */
export function assertRecipient(invitedEmailLower: string, userEmail: string): void {
  if (userEmail.trim().toLowerCase() !== invitedEmailLower) {
    throw new DomainError(
      'INVITE_WRONG_RECIPIENT',
      'This invitation was sent to another address; sign in with that address to accept it',
      { maskedEmail: maskEmail(invitedEmailLower) },
    );
  }
}

/**
 * "e…@example.com": enough for the holder of the link to recognise which of their addresses to
 * use, not enough to read someone else's address off a forwarded link.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '…';
  return `${email[0]}…${email.slice(at)}`;
}
