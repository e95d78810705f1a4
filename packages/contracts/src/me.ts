import { z } from 'zod';
import { IdSchema } from './common.ts';
import { OrgRoleSchema } from './roles.ts';
import { OrgSettingsSchema } from './settings.ts';

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
});
export type MyOrg = z.infer<typeof MyOrgSchema>;

/** `GET /api/me`. */
export const MeSchema = z.object({
  user: z.object({ id: IdSchema, name: z.string(), email: z.string() }),
  organizations: z.array(MyOrgSchema),
});
export type Me = z.infer<typeof MeSchema>;

/** Bodies of the auth endpoints the web calls. */
export const SignInSchema = z.object({
  email: z.email(),
  password: z.string().min(1),
});
export const SignUpSchema = z.object({
  name: z.string().trim().min(1).max(120),
  email: z.email(),
  password: z.string().min(8).max(128),
});
