import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.ts';
import { OrgStatusSchema } from './orgs.ts';
import { OrgRoleSchema } from './roles.ts';
import { OrgSettingsSchema } from './settings.ts';
import {
  AccountEmailSchema,
  CallbackUrlSchema,
  DisplayNameSchema,
  MeUserSchema,
  NewPasswordSchema,
  PasswordSchema,
} from './account.ts';

/** One organization the signed-in person belongs to. */
export const MyOrgSchema = z.object({
  id: IdSchema,
  name: z.string(),
  slug: z.string(),
  role: OrgRoleSchema,
  lite: z.boolean(),
  /** Whether you created the org (the creator may be protected from demotion and removal). */
  isCreator: z.boolean(),
  /** The org's settings, so the UI can offer only what the rules allow (the server still decides). */
  settings: OrgSettingsSchema,
  /** `pending_deletion` only ever reaches the creator: everyone else loses the org at once. */
  status: OrgStatusSchema,
  /** When a deleted org is purged unless its creator restores it; null while it is active. */
  purgeAfter: TimestampSchema.nullable(),
  /**
   * For admins, what waits in the org: live invitations not yet accepted, and invite requests
   * not yet decided (the switcher's badges). Null for everyone else.
   */
  pending: z
    .object({ invitations: z.number().int().nonnegative(), requests: z.number().int().nonnegative() })
    .nullable(),
});
export type MyOrg = z.infer<typeof MyOrgSchema>;

/** `GET /api/me`. */
export const MeSchema = z.object({
  user: MeUserSchema,
  organizations: z.array(MyOrgSchema),
});
export type Me = z.infer<typeof MeSchema>;

/** Bodies of the auth endpoints the web calls. */
export const SignInSchema = z.object({
  email: AccountEmailSchema,
  password: PasswordSchema,
});
/** Creates an unverified account and mails a link; nobody is signed in until it is followed (R18). */
export const SignUpSchema = z.object({
  name: DisplayNameSchema,
  email: AccountEmailSchema,
  password: NewPasswordSchema,
  /** Where the verification link lands once followed (a path of this app). */
  callbackURL: CallbackUrlSchema.optional(),
});
