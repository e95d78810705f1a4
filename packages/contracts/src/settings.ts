import { z } from 'zod';

/** Who may invite: members directly, members through a request an admin decides, or admins only. */
export const InvitePolicySchema = z.enum(['anyone', 'members_request', 'admins_only']);
export type InvitePolicy = z.infer<typeof InvitePolicySchema>;

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
});
export type OrgSettings = z.infer<typeof OrgSettingsSchema>;

export const defaultOrgSettings: OrgSettings = OrgSettingsSchema.parse({});

/** `GET /api/orgs/:orgId/settings`: the settings with the version a change must carry. */
export const OrgSettingsResponseSchema = z.object({
  settings: OrgSettingsSchema,
  version: z.number().int().positive(),
});
export type OrgSettingsResponse = z.infer<typeof OrgSettingsResponseSchema>;

/** `PATCH /api/orgs/:orgId/settings`: any subset of the settings, and the version it was read at. */
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
  })
  .partial()
  .extend({ version: z.number().int().positive() })
  .strict();
export type UpdateOrgSettings = z.infer<typeof UpdateOrgSettingsSchema>;
