import { z } from 'zod';

/** A person's role in an organization. */
export const OrgRoleSchema = z.enum(['ADMIN', 'MEMBER', 'EXTERNAL']);
export type OrgRole = z.infer<typeof OrgRoleSchema>;

/** A person's role in one workspace. */
export const WorkspaceRoleSchema = z.enum(['OWNER', 'MEMBER', 'VIEWER']);
export type WorkspaceRole = z.infer<typeof WorkspaceRoleSchema>;

/** What an org role may do; the server enforces it, the web uses it to hide what would be refused. */
export const orgPermissions = {
  ADMIN: { manageMembers: true, viewAudit: true },
  MEMBER: { manageMembers: false, viewAudit: false },
  EXTERNAL: { manageMembers: false, viewAudit: false },
} as const satisfies Record<OrgRole, Record<string, boolean>>;

export type OrgPermission = keyof (typeof orgPermissions)['ADMIN'];

/** Whether `role` grants `permission`. */
export function can(role: OrgRole | null | undefined, permission: OrgPermission): boolean {
  return role ? orgPermissions[role][permission] : false;
}

/** Human labels, shared by the web and mail. */
export const orgRoleLabel: Record<OrgRole, string> = {
  ADMIN: 'Admin',
  MEMBER: 'Member',
  EXTERNAL: 'External',
};
export const workspaceRoleLabel: Record<WorkspaceRole, string> = {
  OWNER: 'Owner',
  MEMBER: 'Member',
  VIEWER: 'Viewer',
};
