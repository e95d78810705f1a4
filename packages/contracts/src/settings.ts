import { z } from 'zod';
import { ActorSchema, TimestampSchema } from './common.ts';
import { MAX_INT4 } from './text.ts';

/** Who may invite: members directly, members through a request an admin decides, or admins only. */
export const InvitePolicySchema = z.enum(['anyone', 'members_request', 'admins_only']);
export type InvitePolicy = z.infer<typeof InvitePolicySchema>;

/** The most `maxPendingRequestsPerMember` may be: enough for a busy member, too few to fill a seat cap with junk. */
export const MAX_PENDING_REQUESTS_PER_MEMBER = 100;

/** How long the audit log keeps its entries: a week to ten years, or forever (null). */
export const AuditRetentionDaysSchema = z.number().int().min(7).max(3650).nullable();

/** Organization settings with the product's defaults. */
export const OrgSettingsSchema = z.object({
  invitePolicy: InvitePolicySchema.default('members_request'),
  /** null means invitations never expire. */
  inviteTtlHours: z
    .number()
    .int()
    .positive()
    .max(24 * 365)
    .nullable()
    .default(168),
  memberCap: z.number().int().positive().nullable().default(null),
  workspaceMemberCap: z.number().int().positive().nullable().default(null),
  allowSelfRoleChange: z.boolean().default(false),
  allowSelfLeave: z.boolean().default(false),
  protectCreator: z.boolean().default(true),
  membersCanViewDirectory: z.boolean().default(false),
  /** Members without two-factor sign-in are refused every org route until they set it up. */
  requireTwoFactor: z.boolean().default(false),
  /** Requests one member may have waiting for a decision at once: past it, REQUEST_LIMIT. */
  maxPendingRequestsPerMember: z.number().int().min(1).max(MAX_PENDING_REQUESTS_PER_MEMBER).default(10),
  /** Days the audit log keeps an entry; null keeps every entry forever. */
  auditRetentionDays: AuditRetentionDaysSchema.default(null),
});
export type OrgSettings = z.infer<typeof OrgSettingsSchema>;

export const defaultOrgSettings: OrgSettings = OrgSettingsSchema.parse({});

/**
 * `GET /api/orgs/:orgId/settings`: the settings with the version a change must carry. A change's
 * answer (and its `settings.updated` event) also names who made this version, so an admin whose
 * own edit collides with it reads whose value it is.
 */
export const OrgSettingsResponseSchema = z.object({
  settings: OrgSettingsSchema,
  version: z.number().int().positive(),
  changedBy: ActorSchema.optional(),
});
export type OrgSettingsResponse = z.infer<typeof OrgSettingsResponseSchema>;

/** A setting's name, e.g. `inviteTtlHours`. */
export type OrgSettingKey = keyof OrgSettings;

/**
 * `PATCH /api/orgs/:orgId/settings`: only the settings being changed, and the version they were
 * read at (always required). A stale version is `VERSION_CONFLICT` with the current settings, so
 * a client can lay its own fields onto them and send again; fields it did not send stay as they are.
 */
export const UpdateOrgSettingsSchema = z
  .object({
    invitePolicy: InvitePolicySchema,
    inviteTtlHours: z
      .number()
      .int()
      .positive()
      .max(24 * 365)
      .nullable(),
    memberCap: z.number().int().positive().max(1_000_000).nullable(),
    workspaceMemberCap: z.number().int().positive().max(100_000).nullable(),
    allowSelfRoleChange: z.boolean(),
    allowSelfLeave: z.boolean(),
    protectCreator: z.boolean(),
    membersCanViewDirectory: z.boolean(),
    requireTwoFactor: z.boolean(),
    maxPendingRequestsPerMember: z.number().int().min(1).max(MAX_PENDING_REQUESTS_PER_MEMBER),
    auditRetentionDays: AuditRetentionDaysSchema,
  })
  .partial()
  .extend({ version: z.number().int().positive().max(MAX_INT4) })
  .strict();
export type UpdateOrgSettings = z.infer<typeof UpdateOrgSettingsSchema>;

/**
 * Details of a settings `VERSION_CONFLICT`: the settings as they are now, and who last changed
 * them (null when the log names nobody).
 */
export const SettingsConflictDetailsSchema = z.object({
  current: OrgSettingsResponseSchema,
  changedBy: ActorSchema.nullable(),
  changedAt: TimestampSchema.nullable(),
});
export type SettingsConflictDetails = z.infer<typeof SettingsConflictDetailsSchema>;
