/** An org's API keys sit under `['api-keys', orgId]`. */
export const apiKeysKeys = {
  all: ['api-keys'] as const,
  org: (orgId: string) => ['api-keys', orgId] as const,
};

export const apiKeysPath = (orgId: string, keyId?: string) =>
  `/api/orgs/${encodeURIComponent(orgId)}/api-keys${keyId === undefined ? '' : `/${encodeURIComponent(keyId)}`}`;
