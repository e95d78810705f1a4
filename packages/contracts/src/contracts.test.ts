import { describe, expect, it } from 'vitest';
import {
  ErrorCodeSchema,
  ListMembersQuerySchema,
  OrgEventSchema,
  OrgSettingsSchema,
  can,
  defaultOrgSettings,
  errorStatus,
} from './index.ts';

describe('contracts', () => {
  it('gives every error code an HTTP status in the 4xx/5xx range', () => {
    for (const code of ErrorCodeSchema.options) {
      expect(errorStatus[code], code).toBeGreaterThanOrEqual(400);
    }
    expect(errorStatus.VERSION_CONFLICT).toBe(409);
    expect(errorStatus.INVITE_WRONG_RECIPIENT).toBe(403);
    expect(errorStatus.EXTERNAL_CANNOT_OWN).toBe(422);
    expect(errorStatus.REQUEST_LIMIT).toBe(429);
  });

  it('has the product defaults for org settings', () => {
    expect(defaultOrgSettings).toEqual({
      invitePolicy: 'members_request',
      inviteTtlHours: 168,
      memberCap: null,
      workspaceMemberCap: null,
      allowSelfRoleChange: false,
      allowSelfLeave: false,
      protectCreator: true,
      membersCanViewDirectory: false,
      requireTwoFactor: false,
      maxPendingRequestsPerMember: 10,
      auditRetentionDays: null,
    });
    expect(OrgSettingsSchema.safeParse({ auditRetentionDays: 6 }).success).toBe(false);
    expect(OrgSettingsSchema.safeParse({ inviteTtlHours: 0 }).success).toBe(false);
    expect(OrgSettingsSchema.safeParse({ maxPendingRequestsPerMember: 0 }).success).toBe(false);
    expect(OrgSettingsSchema.safeParse({ maxPendingRequestsPerMember: 101 }).success).toBe(false);
  });

  it('coerces list query strings and refuses what the server cannot sort by', () => {
    expect(ListMembersQuerySchema.parse({ limit: '20' })).toMatchObject({ limit: 20, sort: 'name', order: 'asc' });
    expect(ListMembersQuerySchema.safeParse({ sort: 'password' }).success).toBe(false);
    expect(ListMembersQuerySchema.safeParse({ limit: '500' }).success).toBe(false);
  });

  it('only lets admins manage members', () => {
    expect(can('ADMIN', 'manageMembers')).toBe(true);
    expect(can('MEMBER', 'manageMembers')).toBe(false);
    expect(can(null, 'manageMembers')).toBe(false);
  });

  it('refuses an org event without a positive seq', () => {
    const event = {
      orgId: 'o',
      seq: 0,
      type: 'member.removed',
      at: '2026-01-01T00:00:00.000Z',
      actor: { id: 'a', name: 'Ada' },
      data: { userId: 'u', name: 'Linus' },
    };
    expect(OrgEventSchema.safeParse(event).success).toBe(false);
    expect(OrgEventSchema.safeParse({ ...event, seq: 1 }).success).toBe(true);
  });
});
