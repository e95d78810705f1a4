import { z } from 'zod';
import { IdSchema } from './common.ts';
import { text } from './text.ts';

/** How many admins `GET /api/orgs/:orgId/admins` names; `total` says how many there are. */
export const ORG_ADMINS_SHOWN = 20;

/** Longest note a person may add to an access request. */
export const ACCESS_REQUEST_MESSAGE_MAX = 500;

/** One access request per person, org and page (and workspace) within this window. */
export const ACCESS_REQUEST_WINDOW_SECONDS = 3600;

/** An org admin as anyone in the org may see them: a name to ask, never an address. */
export const OrgAdminSchema = z.object({ userId: IdSchema, name: z.string() });
export type OrgAdmin = z.infer<typeof OrgAdminSchema>;

/** `GET /api/orgs/:orgId/admins` (any member): the first admins by name, and how many in all. */
export const OrgAdminsResponseSchema = z.object({
  admins: z.array(OrgAdminSchema),
  total: z.number().int().nonnegative(),
});
export type OrgAdminsResponse = z.infer<typeof OrgAdminsResponseSchema>;

/** The pages that answer "Access restricted" to people who are not admins. */
export const AccessRequestPageSchema = z.enum(['members', 'settings', 'workspace']);
export type AccessRequestPage = z.infer<typeof AccessRequestPageSchema>;

/**
 * Body of `POST /api/orgs/:orgId/access-requests`: which page the person could not open (a
 * workspace's page names the workspace), and an optional note for the admins.
 */
export const CreateAccessRequestSchema = z
  .object({
    page: AccessRequestPageSchema,
    workspaceId: IdSchema.optional(),
    message: text({ max: ACCESS_REQUEST_MESSAGE_MAX, trim: true, multiline: true }).optional(),
  })
  .refine((body) => (body.page === 'workspace') === (body.workspaceId !== undefined), {
    message: 'Name the workspace exactly when asking for a workspace',
    path: ['workspaceId'],
  });
export type CreateAccessRequest = z.input<typeof CreateAccessRequestSchema>;

/** The answer to an access request: how many admins were mailed. */
export const CreateAccessRequestResponseSchema = z.object({ adminsNotified: z.number().int().nonnegative() });
export type CreateAccessRequestResponse = z.infer<typeof CreateAccessRequestResponseSchema>;

/** Data of the `access.requested` event, for the org's admins only: who asks, for what, and why. */
export const AccessRequestedDataSchema = z.object({
  requester: z.object({ id: IdSchema, name: z.string(), email: z.string() }),
  page: AccessRequestPageSchema,
  workspace: z.object({ id: IdSchema, name: z.string() }).nullable(),
  message: z.string().nullable(),
});
export type AccessRequestedData = z.infer<typeof AccessRequestedDataSchema>;
