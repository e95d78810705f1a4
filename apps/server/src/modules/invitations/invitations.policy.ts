import { z } from 'zod';
import {
  RESEND_COOLDOWN_SECONDS,
  type InvitationGrantInput,
  type InvitationStatus,
  type InvitePolicy,
  type OrgRole,
  type WorkspaceRole,
} from '@roster/contracts';
import { DomainError } from '../../lib/domain-error.ts';
import { isAboveCeiling, workspaceRoleCeiling } from '../workspaces/workspace-ceiling.policy.ts';

export type InviteMode = 'invite' | 'request';

/** R3: whether the actor's invitations are sent, become requests, or are refused. */
export function inviteModeFor(actorRole: OrgRole | null, policy: InvitePolicy, role: OrgRole): InviteMode {
  if (actorRole === null) throw new DomainError('FORBIDDEN', 'You are not a member of this organization');
  if (actorRole === 'ADMIN') return 'invite';
  if (actorRole === 'EXTERNAL') throw new DomainError('FORBIDDEN', 'External members cannot invite anyone');
  if (policy === 'admins_only')
    throw new DomainError('FORBIDDEN', 'Only admins can invite people to this organization');
  if (role === 'ADMIN') throw new DomainError('FORBIDDEN', 'Only admins can invite admins');
  return policy === 'anyone' ? 'invite' : 'request';
}

export interface NormalizedEmail {
  /** As typed, trimmed. */
  email: string;
  /** The comparison key: one live invitation per (org, lower-cased address). */
  lower: string;
  valid: boolean;
}

const emailSchema = z.email();

/** R17: trims, compares case-insensitively, keeps the first of duplicates, flags non-addresses. */
export function normalizeEmails(raw: string[]): NormalizedEmail[] {
  const seen = new Set<string>();
  const result: NormalizedEmail[] = [];
  for (const typed of raw) {
    const email = typed.trim();
    const lower = email.toLowerCase();
    if (seen.has(lower)) continue;
    seen.add(lower);
    result.push({ email, lower, valid: email.length <= 254 && emailSchema.safeParse(email).success });
  }
  return result;
}

/**
 * R11 for invitations: a lite person gets at most VIEWER in a workspace, and cannot be an admin.
 * Refused rather than clamped, so nobody is granted less than the inviter believes.
 */
export function assertTermsAllowed(role: OrgRole, lite: boolean, grants: InvitationGrantInput[]): void {
  if (lite && role === 'ADMIN') {
    throw new DomainError('VALIDATION_FAILED', 'A lite invitation cannot make someone an admin', { field: 'lite' });
  }
  if (lite && grants.some((g) => g.role !== 'VIEWER')) {
    throw new DomainError('VALIDATION_FAILED', 'A lite member can only be a viewer in a workspace', {
      field: 'workspaces',
    });
  }
  if (new Set(grants.map((g) => g.workspaceId)).size !== grants.length) {
    throw new DomainError('VALIDATION_FAILED', 'Each workspace can be granted once', { field: 'workspaces' });
  }
  const owned = grants.filter((g) => isAboveCeiling(g.role, workspaceRoleCeiling({ orgRole: role, lite })));
  if (owned.length) {
    throw new DomainError('EXTERNAL_CANNOT_OWN', 'An external cannot own a workspace: grant Member or Viewer', {
      field: 'workspaces',
      workspaceIds: owned.map((g) => g.workspaceId),
      maxRole: 'MEMBER',
    });
  }
}

/**
 * R22: a non-admin grants only workspaces they own (then any role in it, OWNER included). An
 * admin has full access to every workspace (R2) and may grant any of them. `ownRoles` is the
 * inviter's role in each workspace of the grants, read under the org lock.
 */
export function assertMayGrant(
  actorRole: OrgRole | null,
  ownRoles: ReadonlyMap<string, WorkspaceRole>,
  grants: InvitationGrantInput[],
): void {
  if (actorRole === 'ADMIN') return;
  const notOwned = grants.filter((g) => ownRoles.get(g.workspaceId) !== 'OWNER').map((g) => g.workspaceId);
  if (notOwned.length) {
    throw new DomainError('FORBIDDEN', 'You can only grant access to workspaces you own', {
      field: 'workspaces',
      workspaceIds: notOwned,
    });
  }
}

/**
 * A member's requests waiting for a decision, plus the ones this call files, stay within the
 * org's `maxPendingRequestsPerMember`, so one member cannot fill the seat cap with junk (R5).
 */
export function assertRequestQuota(limit: number, waiting: number, adding: number): void {
  if (adding === 0 || waiting + adding <= limit) return;
  throw new DomainError(
    'REQUEST_LIMIT',
    `You can have at most ${limit} requests waiting for an admin; wait for a decision on some first`,
    { limit, current: waiting, max: Math.max(0, limit - waiting) },
  );
}

/** R5: the whole request is refused when it would take more seats than the cap leaves. */
export function assertSeatsAvailable(limit: number | null, used: number, adding: number): void {
  if (limit === null || adding === 0 || used + adding <= limit) return;
  throw new DomainError('LIMIT_EXCEEDED', `This organization is limited to ${limit} seats`, {
    limit,
    current: used,
    max: Math.max(0, limit - used),
  });
}

/** An invitation past its expiry reads as expired, whether or not the sweeper got to it yet. */
export function effectiveStatus(status: InvitationStatus, expiresAt: Date | null, now: Date): InvitationStatus {
  return status === 'pending' && expiresAt !== null && expiresAt.getTime() <= now.getTime() ? 'expired' : status;
}

/** R6: the org's TTL from now, or never. */
export function expiryFrom(now: Date, ttlHours: number | null): Date | null {
  return ttlHours === null ? null : new Date(now.getTime() + ttlHours * 3_600_000);
}

/** One mail per invitation per cooldown, so a resend button cannot spam someone. */
export function assertResendAllowed(lastSentAt: Date | null, now: Date): void {
  if (lastSentAt === null) return;
  const waitMs = lastSentAt.getTime() + RESEND_COOLDOWN_SECONDS * 1000 - now.getTime();
  if (waitMs > 0) {
    throw new DomainError('RATE_LIMITED', 'This invitation was mailed a moment ago; try again shortly', {
      retryAfterSeconds: Math.ceil(waitMs / 1000),
    });
  }
}

/** R5 on accept: the invitation already holds its seat, so only a cap lowered since refuses it. */
export function assertSeatStillHeld(limit: number | null, used: number): void {
  if (limit === null || used <= limit) return;
  throw new DomainError('LIMIT_EXCEEDED', `This organization is limited to ${limit} seats`, {
    limit,
    current: used,
    max: 0,
  });
}

/** Addresses one person may invite into one org per hour: a bulk paste fits, a spam run does not. */
export const INVITES_PER_HOUR = 500;

export function assertInviteRate(invitedLastHour: number, adding: number): void {
  if (adding === 0 || invitedLastHour + adding <= INVITES_PER_HOUR) return;
  throw new DomainError('RATE_LIMITED', `You can invite at most ${INVITES_PER_HOUR} people an hour; try again later`, {
    limit: INVITES_PER_HOUR,
    current: invitedLastHour,
  });
}
