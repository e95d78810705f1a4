export const orgKeys = {
  org: (orgId: string) => ['org', orgId] as const,
};
