/** Hierarchical keys: an org's settings sit under `['settings', orgId]`. */
export const settingsKeys = {
  all: ['settings'] as const,
  org: (orgId: string) => ['settings', orgId] as const,
};
