/** Hierarchical keys: an org's requests under `['invite-requests', orgId]`, your own under `mine`. */
export const inviteRequestsKeys = {
  all: ['invite-requests'] as const,
  org: (orgId: string) => ['invite-requests', orgId] as const,
  list: (orgId: string) => ['invite-requests', orgId, 'list'] as const,
  workspaces: (orgId: string) => ['invite-requests', orgId, 'workspaces'] as const,
  mine: ['invite-requests', 'mine'] as const,
  mineIn: (orgId: string) => ['invite-requests', 'mine', orgId] as const,
};
