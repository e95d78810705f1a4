import { describe, expect, it } from 'vitest';
import {
  approvedTerms,
  assertSeatForApproval,
  assertUndecided,
  rejectionReason,
  type RequestStanding,
} from './invite-requests.policy.ts';

const code = (code: string) => expect.objectContaining({ code });
const grace = { id: 'u-grace', name: 'Grace Hopper' };
const at = new Date('2026-03-01T10:00:00Z');
const waiting: RequestStanding = { status: 'requested', outcome: null, decidedBy: null, decidedAt: null };

describe('deciding a request twice (R15)', () => {
  it('lets an undecided request through', () => {
    expect(() => assertUndecided(waiting)).not.toThrow();
  });

  it('tells the second admin who decided, when, and where the row stands now', () => {
    const approved: RequestStanding = { status: 'accepted', outcome: 'approved', decidedBy: grace, decidedAt: at };
    expect(() => assertUndecided(approved)).toThrow(
      expect.objectContaining({
        code: 'ALREADY_DECIDED',
        message: 'Grace Hopper already approved this request',
        details: { decidedBy: grace, decidedAt: at.toISOString(), status: 'accepted' },
      }),
    );
    const rejected = { ...approved, status: 'rejected' as const, outcome: 'rejected' as const };
    expect(() => assertUndecided(rejected)).toThrow(
      expect.objectContaining({ message: 'Grace Hopper already rejected this request' }),
    );
  });

  it('still answers ALREADY_DECIDED for a row decided without a recorded decider', () => {
    expect(() => assertUndecided({ ...waiting, status: 'pending' })).toThrow(code('ALREADY_DECIDED'));
  });
});

describe('approved terms (R3, R11)', () => {
  const proposed = { role: 'MEMBER' as const, lite: false, grants: [{ workspaceId: 'w1', role: 'MEMBER' as const }] };

  it('keeps what the member proposed unless the admin adjusts it', () => {
    expect(approvedTerms(proposed, {})).toEqual(proposed);
    expect(approvedTerms(proposed, { role: 'ADMIN', workspaces: [] })).toEqual({
      role: 'ADMIN',
      lite: false,
      grants: [],
    });
  });

  it('applies R11 to the result, whichever side set each field', () => {
    expect(() => approvedTerms(proposed, { lite: true })).toThrow(code('VALIDATION_FAILED'));
    expect(() => approvedTerms({ ...proposed, lite: true, grants: [] }, { role: 'ADMIN' })).toThrow(
      code('VALIDATION_FAILED'),
    );
    expect(approvedTerms(proposed, { lite: true, workspaces: [{ workspaceId: 'w1', role: 'VIEWER' }] })).toMatchObject({
      lite: true,
    });
  });
});

describe('seats on approve (R5)', () => {
  it('does not count the request’s own seat twice', () => {
    expect(() => assertSeatForApproval(4, 4)).not.toThrow();
    expect(() => assertSeatForApproval(null, 99)).not.toThrow();
  });

  it('refuses when the cap was lowered below usage, with limit, current and max', () => {
    expect(() => assertSeatForApproval(3, 4)).toThrow(
      expect.objectContaining({ code: 'LIMIT_EXCEEDED', details: { limit: 3, current: 3, max: 0 } }),
    );
  });
});

describe('rejection reason', () => {
  it('treats a blank reason as none', () => {
    expect(rejectionReason(undefined)).toBeNull();
    expect(rejectionReason('   ')).toBeNull();
    expect(rejectionReason(' Not a customer ')).toBe('Not a customer');
  });
});
