import { infiniteQueryOptions, keepPreviousData } from '@tanstack/react-query';
import { ListAuditResponseSchema, type ExportFormat } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import type { AuditFilterParams } from '../hooks/use-audit-search-params.ts';
import { auditKeys } from './audit-keys.ts';

export const AUDIT_PAGE_SIZE = 50;

/** The API's filters for what the page shows: dates become the local day's bounds, `to` inclusive. */
export function auditFilterSearch(filters: AuditFilterParams): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.member) search.set('member', filters.member);
  if (filters.action) search.set('action', filters.action);
  if (filters.q) search.set('q', filters.q);
  if (filters.from) search.set('from', startOfDay(filters.from).toISOString());
  if (filters.to) {
    const end = startOfDay(filters.to);
    end.setDate(end.getDate() + 1);
    search.set('to', end.toISOString());
  }
  return search;
}

/** Midnight of a `YYYY-MM-DD` day in the reader's time zone. */
function startOfDay(day: string): Date {
  return new Date(`${day}T00:00:00`);
}

export function fetchAuditPage(
  orgId: string,
  filters: AuditFilterParams,
  cursor: string | null,
  signal?: AbortSignal,
  limit = AUDIT_PAGE_SIZE,
) {
  const search = auditFilterSearch(filters);
  search.set('limit', String(limit));
  if (cursor) search.set('cursor', cursor);
  return apiRequest(`/api/orgs/${encodeURIComponent(orgId)}/audit?${search}`, {
    schema: ListAuditResponseSchema,
    signal,
  });
}

/**
 * Keyset pages of the log, newest first. New entries arrive through the live tail, which decides
 * when to refetch, so the list never goes stale by age; the previous list stays while filters load.
 */
export function auditQueryOptions(orgId: string, filters: AuditFilterParams) {
  return infiniteQueryOptions({
    queryKey: auditKeys.list(orgId, filters),
    queryFn: ({ pageParam, signal }) => fetchAuditPage(orgId, filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

/** The download of the whole filtered log: a plain link, so the browser streams it to disk. */
export function auditExportUrl(orgId: string, filters: AuditFilterParams, format: ExportFormat): string {
  const search = auditFilterSearch(filters);
  search.set('format', format);
  return `/api/orgs/${encodeURIComponent(orgId)}/audit/export?${search}`;
}
