import { describe, expect, it } from 'vitest';
import {
  assertCanEdit,
  assertCanIssueLink,
  assertOpenForInvitee,
  assertRecipient,
} from './invitation-states.policy.ts';
import { hashInvitationToken, looksLikeInvitationToken, newInvitationToken } from './invitation-token.ts';
import {
  INVITES_PER_HOUR,
  assertInviteRate,
  assertResendAllowed,
  assertSeatStillHeld,
  assertSeatsAvailable,
  assertTermsAllowed,
  effectiveStatus,
  expiryFrom,
  inviteModeFor,
  normalizeEmails,
} from './invitations.policy.ts';

const code = (code: string) => expect.objectContaining({ code });

describe('invite policy (R3)', () => {
  it('lets admins invite whatever the policy', () => {
    for (const policy of ['anyone', 'members_request', 'admins_only'] as const) {
      expect(inviteModeFor('ADMIN', policy, 'ADMIN')).toBe('invite');
    }
  });
  it('lets members invite, request or nothing, and never request an admin', () => {
    expect(inviteModeFor('MEMBER', 'anyone', 'MEMBER')).toBe('invite');
    expect(inviteModeFor('MEMBER', 'members_request', 'EXTERNAL')).toBe('request');
    expect(() => inviteModeFor('MEMBER', 'members_request', 'ADMIN')).toThrow(code('FORBIDDEN'));
    expect(() => inviteModeFor('MEMBER', 'anyone', 'ADMIN')).toThrow(code('FORBIDDEN'));
    expect(() => inviteModeFor('MEMBER', 'admins_only', 'MEMBER')).toThrow(code('FORBIDDEN'));
  });
  it('never lets externals or strangers invite', () => {
    expect(() => inviteModeFor('EXTERNAL', 'anyone', 'MEMBER')).toThrow(code('FORBIDDEN'));
    expect(() => inviteModeFor(null, 'anyone', 'MEMBER')).toThrow(code('FORBIDDEN'));
  });
});

describe('addresses (R17)', () => {
  it('trims, compares case-insensitively, keeps the first and flags what is not an address', () => {
    expect(normalizeEmails([' Ann@Example.test ', 'ann@example.TEST', 'not an address', 'bob@example.test'])).toEqual([
      { email: 'Ann@Example.test', lower: 'ann@example.test', valid: true },
      { email: 'not an address', lower: 'not an address', valid: false },
      { email: 'bob@example.test', lower: 'bob@example.test', valid: true },
    ]);
  });
});

describe('terms (R11)', () => {
  it('gives a lite invitee at most VIEWER and never ADMIN, and each workspace once', () => {
    expect(() => assertTermsAllowed('MEMBER', true, [{ workspaceId: 'w', role: 'VIEWER' }])).not.toThrow();
    expect(() => assertTermsAllowed('MEMBER', true, [{ workspaceId: 'w', role: 'MEMBER' }])).toThrow(
      code('VALIDATION_FAILED'),
    );
    expect(() => assertTermsAllowed('ADMIN', true, [])).toThrow(code('VALIDATION_FAILED'));
    expect(() =>
      assertTermsAllowed('MEMBER', false, [
        { workspaceId: 'w', role: 'OWNER' },
        { workspaceId: 'w', role: 'VIEWER' },
      ]),
    ).toThrow(code('VALIDATION_FAILED'));
  });
});

describe('seats (R5)', () => {
  it('refuses the whole request past the cap, with limit, current and max', () => {
    expect(() => assertSeatsAvailable(null, 1000, 200)).not.toThrow();
    expect(() => assertSeatsAvailable(5, 3, 2)).not.toThrow();
    expect(() => assertSeatsAvailable(5, 3, 3)).toThrow(
      expect.objectContaining({ code: 'LIMIT_EXCEEDED', details: { limit: 5, current: 3, max: 2 } }),
    );
    expect(() => assertSeatsAvailable(5, 9, 0)).not.toThrow();
  });
  it('lets an accept keep its seat unless the cap went below usage', () => {
    expect(() => assertSeatStillHeld(5, 5)).not.toThrow();
    expect(() => assertSeatStillHeld(4, 5)).toThrow(code('LIMIT_EXCEEDED'));
  });
});

describe('expiry and resend (R6)', () => {
  const now = new Date('2026-01-05T09:00:00Z');
  it('reads a pending invitation past its expiry as expired', () => {
    expect(effectiveStatus('pending', new Date(now.getTime() - 1), now)).toBe('expired');
    expect(effectiveStatus('pending', now, now)).toBe('expired');
    expect(effectiveStatus('pending', new Date(now.getTime() + 1), now)).toBe('pending');
    expect(effectiveStatus('pending', null, now)).toBe('pending');
    expect(effectiveStatus('revoked', new Date(0), now)).toBe('revoked');
  });
  it('expires after the TTL, or never', () => {
    expect(expiryFrom(now, 24)).toEqual(new Date('2026-01-06T09:00:00Z'));
    expect(expiryFrom(now, null)).toBeNull();
  });
  it('refuses a resend within 60 seconds with RATE_LIMITED', () => {
    expect(() => assertResendAllowed(new Date(now.getTime() - 59_000), now)).toThrow(
      expect.objectContaining({ code: 'RATE_LIMITED', details: { retryAfterSeconds: 1 } }),
    );
    expect(() => assertResendAllowed(new Date(now.getTime() - 60_000), now)).not.toThrow();
    expect(() => assertResendAllowed(null, now)).not.toThrow();
  });
});

describe('state machine', () => {
  it('answers each closed state with its code', () => {
    expect(() => assertOpenForInvitee('pending')).not.toThrow();
    expect(() => assertOpenForInvitee('revoked')).toThrow(code('INVITE_REVOKED'));
    expect(() => assertOpenForInvitee('expired')).toThrow(code('INVITE_EXPIRED'));
    expect(() => assertOpenForInvitee('accepted')).toThrow(code('ALREADY_DECIDED'));
    expect(() => assertOpenForInvitee('requested')).toThrow(code('NOT_FOUND'));
    expect(() => assertCanIssueLink('expired')).not.toThrow();
    expect(() => assertCanIssueLink('revoked')).toThrow(code('ALREADY_DECIDED'));
    expect(() => assertCanIssueLink('requested')).toThrow(code('VALIDATION_FAILED'));
    expect(() => assertCanEdit('requested')).not.toThrow();
    expect(() => assertCanEdit('expired')).toThrow(code('INVITE_EXPIRED'));
  });
  it('binds an invitation to its address, whatever the case', () => {
    expect(() => assertRecipient('ann@example.test', 'Ann@Example.TEST')).not.toThrow();
    expect(() => assertRecipient('ann@example.test', 'bob@example.test')).toThrow(code('INVITE_WRONG_RECIPIENT'));
    expect(() => assertRecipient('ann@example.test', 'bob@example.test')).toThrow(
      expect.objectContaining({ details: { maskedEmail: 'a…@example.test' } }),
    );
  });
});

describe('tokens', () => {
  it('are 256 random bits whose stored form is their sha256, never themselves', () => {
    const { token, hash } = newInvitationToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(hashInvitationToken(token));
    expect(hash).not.toContain(token);
    expect(looksLikeInvitationToken(token)).toBe(true);
    expect(looksLikeInvitationToken(`${token}x`)).toBe(false);
    expect(newInvitationToken().token).not.toBe(token);
  });
});

describe('invitation rate', () => {
  it('lets one person invite up to the hourly limit, then refuses with RATE_LIMITED', () => {
    expect(() => assertInviteRate(INVITES_PER_HOUR - 200, 200)).not.toThrow();
    expect(() => assertInviteRate(INVITES_PER_HOUR - 200, 201)).toThrow(code('RATE_LIMITED'));
    expect(() => assertInviteRate(INVITES_PER_HOUR, 0)).not.toThrow();
  });
});
