import { RevertAuditEntryResponseSchema } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';

/** `POST .../audit/:entryId/revert`: with `version`, over later changes the reader has seen. */
export function revertAuditEntry(orgId: string, entryId: string, version?: number) {
  return apiRequest(`/api/orgs/${encodeURIComponent(orgId)}/audit/${encodeURIComponent(entryId)}/revert`, {
    method: 'POST',
    body: version === undefined ? {} : { version },
    schema: RevertAuditEntryResponseSchema,
  });
}

/**
 * What a VERSION_CONFLICT on a revert says: the target's version now (every kind's conflict
 * carries the current row with its version) and who changed it, when the server named them.
 */
export function revertConflict(details: Record<string, unknown> | undefined) {
  const current = details?.current as { version?: unknown } | undefined;
  const changedBy = details?.changedBy as { name?: unknown } | undefined;
  if (typeof current?.version !== 'number') return null;
  return { version: current.version, by: typeof changedBy?.name === 'string' ? changedBy.name : null };
}
