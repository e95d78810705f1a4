import { z } from 'zod';
import { IdSchema, TimestampSchema, VersionSchema } from './common.ts';
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

/** `POST /api/orgs/:orgId/workspaces`. */
export const CreateWorkspaceSchema = z.object({ name: z.string().trim().min(1).max(80) });

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

/** `PATCH /api/orgs/:orgId/workspaces/:wsId/members/:userId`. */
export const UpdateWorkspaceMemberSchema = z.object({ role: WorkspaceRoleSchema, version: VersionSchema });

/** `DELETE …/members/:userId?version=`. */
export const RemoveWorkspaceMemberQuerySchema = z.object({ version: z.coerce.number().int().positive().optional() });

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

/** Someone in the org, as the "Add users" search shows them. */
export const OrgPersonSchema = z.object({
  userId: IdSchema,
  name: z.string(),
  email: z.string(),
  role: OrgRoleSchema,
  lite: z.boolean(),
});
export type OrgPerson = z.infer<typeof OrgPersonSchema>;

/**
 * `GET /api/orgs/:orgId/workspaces/:wsId/people?q=`: people of the org matching `q`, for whoever
 * manages the workspace (its owners too, who may not list the whole directory). Only people
 * already in the org appear (R13).
 */
export const WorkspacePeopleQuerySchema = z.object({ q: z.string().trim().min(1).max(200) });
export const WorkspacePeopleResponseSchema = z.object({ items: z.array(OrgPersonSchema) });
