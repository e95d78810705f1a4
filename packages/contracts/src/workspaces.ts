import { z } from 'zod';
import { IdSchema, TimestampSchema, VersionSchema } from './common.ts';
import { MAX_INT4, text } from './text.ts';
import { OrgRoleSchema, WorkspaceRoleSchema } from './roles.ts';

/** A workspace of an organization (other products call it a team or project). */
export const WorkspaceSchema = z.object({
  id: IdSchema,
  name: z.string(),
  memberCount: z.number().int().nonnegative(),
  /** The viewer's own role in it; null when they see it as an org admin only. */
  myRole: WorkspaceRoleSchema.nullable(),
  /** Whether the viewer may manage its members (org admin or workspace owner, R2). */
  canManage: z.boolean(),
  createdAt: TimestampSchema,
  version: VersionSchema,
});
export type Workspace = z.infer<typeof WorkspaceSchema>;

export const ListWorkspacesResponseSchema = z.object({
  items: z.array(WorkspaceSchema),
  seq: z.number().int().nonnegative(),
});

/** A workspace's name: the same rules on create and rename. Unique in its org, compared case-insensitively. */
export const WorkspaceNameSchema = text({ min: 1, max: 80, trim: true });

/** `POST /api/orgs/:orgId/workspaces`. */
export const CreateWorkspaceSchema = z.object({ name: WorkspaceNameSchema });

/** `PATCH /api/orgs/:orgId/workspaces/:wsId`: rename (org admins and the workspace's owners). */
export const RenameWorkspaceSchema = z.object({ name: WorkspaceNameSchema, version: VersionSchema });

/** `DELETE /api/orgs/:orgId/workspaces/:wsId?version=`: org admins only; its grants go with it. */
export const DeleteWorkspaceQuerySchema = z.object({
  version: z.coerce.number().int().positive().max(MAX_INT4).optional(),
});

/**
 * `GET /api/orgs/:orgId/workspaces/:wsId/deletion-impact`: who loses access if it is deleted,
 * i.e. everyone holding a grant on it (org admins keep full access to what remains anyway).
 */
export const WorkspaceDeletionImpactSchema = z.object({
  workspace: WorkspaceSchema,
  losingAccess: z.array(z.object({ userId: IdSchema, name: z.string(), email: z.string() })),
});
export type WorkspaceDeletionImpact = z.infer<typeof WorkspaceDeletionImpactSchema>;

/** A row of a workspace's member list. */
export const WorkspaceMemberSchema = z.object({
  userId: IdSchema,
  name: z.string(),
  email: z.string(),
  orgRole: OrgRoleSchema,
  lite: z.boolean(),
  role: WorkspaceRoleSchema,
  joinedAt: TimestampSchema,
  version: VersionSchema,
});
export type WorkspaceMember = z.infer<typeof WorkspaceMemberSchema>;

export const ListWorkspaceMembersResponseSchema = z.object({
  workspace: WorkspaceSchema,
  items: z.array(WorkspaceMemberSchema),
  seq: z.number().int().nonnegative(),
});

/** `POST /api/orgs/:orgId/workspaces/:wsId/members`: add people already in the org, at once (R13). */
export const AddWorkspaceMembersSchema = z.object({
  userIds: z.array(IdSchema).min(1).max(200),
  role: WorkspaceRoleSchema,
});

/** The answer of adding people to a workspace (201): their new rows. */
export const AddWorkspaceMembersResponseSchema = z.object({ items: z.array(WorkspaceMemberSchema) });

/** `PATCH /api/orgs/:orgId/workspaces/:wsId/members/:userId`. */
export const UpdateWorkspaceMemberSchema = z.object({ role: WorkspaceRoleSchema, version: VersionSchema });

/** `DELETE …/members/:userId?version=`. */
export const RemoveWorkspaceMemberQuerySchema = z.object({
  version: z.coerce.number().int().positive().max(MAX_INT4).optional(),
});

/** What one person may do and why: "View access". */
export const MemberAccessSchema = z.object({
  userId: IdSchema,
  orgRole: OrgRoleSchema,
  lite: z.boolean(),
  /** Org admins have full access to every workspace whatever their workspace role (R2). */
  fullAccess: z.boolean(),
  workspaces: z.array(
    z.object({
      id: IdSchema,
      name: z.string(),
      role: WorkspaceRoleSchema.nullable(),
      /** Why the person has this access, in words. */
      reason: z.string(),
    }),
  ),
});
export type MemberAccess = z.infer<typeof MemberAccessSchema>;

/**
 * Someone in the org, as the "Add users" search shows them. Role and lite are shown to org admins
 * only: a workspace owner sees just who the person is, so the search is no directory.
 */
export const OrgPersonSchema = z.object({
  userId: IdSchema,
  name: z.string(),
  email: z.string(),
  role: OrgRoleSchema.optional(),
  lite: z.boolean().optional(),
});
export type OrgPerson = z.infer<typeof OrgPersonSchema>;

/**
 * `GET /api/orgs/:orgId/workspaces/:wsId/people?q=&limit=`: people of the org matching `q`, for
 * whoever manages the workspace (its owners too, who may not list the whole directory). Only
 * people already in the org appear (R13). Non-admins must type at least
 * `PEOPLE_SEARCH_MIN_QUERY` characters, get at most `PEOPLE_SEARCH_MAX_ROWS` rows, and are
 * limited to `PEOPLE_SEARCHES_PER_MINUTE` searches (429 `RATE_LIMITED` with Retry-After).
 */
export const WorkspacePeopleQuerySchema = z.object({
  q: text({ min: 1, max: 200, trim: true }),
  limit: z.coerce.number().int().min(1).max(50).default(8),
});
export const PEOPLE_SEARCH_MIN_QUERY = 2;
export const PEOPLE_SEARCH_MAX_ROWS = 20;
export const PEOPLE_SEARCHES_PER_MINUTE = 60;
export const WorkspacePeopleResponseSchema = z.object({ items: z.array(OrgPersonSchema) });
export type WorkspacePeopleResponse = z.infer<typeof WorkspacePeopleResponseSchema>;
