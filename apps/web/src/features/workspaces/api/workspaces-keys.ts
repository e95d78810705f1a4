/** Hierarchical keys: everything of an org's workspaces sits under `['workspaces', orgId]`. */
export const workspacesKeys = {
  all: ['workspaces'] as const,
  org: (orgId: string) => ['workspaces', orgId] as const,
  list: (orgId: string) => ['workspaces', orgId, 'list'] as const,
  members: (orgId: string, workspaceId: string) => ['workspaces', orgId, 'members', workspaceId] as const,
  deletionImpact: (orgId: string, workspaceId: string) =>
    ['workspaces', orgId, 'deletion-impact', workspaceId] as const,
  people: (orgId: string, q: string, workspaceId: string) => ['workspaces', orgId, 'people', workspaceId, q] as const,
};
