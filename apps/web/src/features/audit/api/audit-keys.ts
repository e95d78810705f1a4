import type { AuditFilterParams } from '../hooks/use-audit-search-params.ts';

/** Hierarchical keys: everything of an org's audit log sits under `['audit', orgId]`. */
export const auditKeys = {
  org: (orgId: string) => ['audit', orgId] as const,
  list: (orgId: string, filters: AuditFilterParams) => ['audit', orgId, 'list', filters] as const,
  head: (orgId: string, filters: AuditFilterParams) => ['audit', orgId, 'head', filters] as const,
};
