import type { ApiKeyScope } from '@roster/contracts';

/** Each scope in words, in the order the dialog offers them. */
export const SCOPE_LABELS: Record<ApiKeyScope, string> = {
  'members:read': 'Read members and their access',
  'members:write': 'Change roles and remove members',
  'invitations:read': 'Read invitations and invite requests',
  'invitations:write': 'Invite people, decide invite requests',
  'workspaces:read': 'Read workspaces and who is in them',
  'workspaces:write': 'Create, rename and staff workspaces',
  'audit:read': 'Read and export the audit log',
  'settings:read': 'Read the organization and its settings',
  'settings:write': 'Rename the organization, change settings',
  admin: 'Grant the admin role',
};
