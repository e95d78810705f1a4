/** An org's webhook endpoints sit under `['webhooks', orgId]`, each one's attempts under it. */
export const webhooksKeys = {
  all: ['webhooks'] as const,
  org: (orgId: string) => ['webhooks', orgId] as const,
  deliveries: (orgId: string, webhookId: string) => ['webhooks', orgId, webhookId, 'deliveries'] as const,
};

export const webhooksPath = (orgId: string, webhookId?: string) =>
  `/api/orgs/${encodeURIComponent(orgId)}/webhooks${webhookId === undefined ? '' : `/${encodeURIComponent(webhookId)}`}`;
