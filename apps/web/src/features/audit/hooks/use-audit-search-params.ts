import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { AuditActionFilterSchema, IdSchema } from '@roster/contracts';

/** What the filter bar controls, as the URL keeps it (dates as `YYYY-MM-DD`, days of the reader). */
export interface AuditFilterParams {
  /** Entries by or about this person (a user id): their history. */
  member?: string;
  action?: string;
  q?: string;
  from?: string;
  to?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the filters from the URL; anything malformed is left out rather than erroring. */
export function parseAuditParams(search: URLSearchParams): AuditFilterParams {
  const member = search.get('member')?.trim();
  const action = search.get('action')?.trim();
  const q = search.get('q')?.trim();
  const from = search.get('from');
  const to = search.get('to');
  return {
    ...(member && IdSchema.safeParse(member).success ? { member } : {}),
    ...(action && AuditActionFilterSchema.safeParse(action).success ? { action } : {}),
    ...(q ? { q } : {}),
    ...(from && DAY.test(from) ? { from } : {}),
    ...(to && DAY.test(to) ? { to } : {}),
  };
}

export const hasAuditFilters = (filters: AuditFilterParams) =>
  Boolean(filters.member || filters.action || filters.q || filters.from || filters.to);

/**
 * The filters live in the URL, so a view of the log can be shared and reloaded. Edits replace
 * the history entry. Navigations are asynchronous, so each edit builds on the latest search it
 * asked for (a search typed a moment before a date is picked stays), and the location overrides
 * that only when it changes for another reason (back button, a link).
 */
export function useAuditSearchParams() {
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => parseAuditParams(search), [search]);
  const latest = useRef(search);
  const ours = useRef(new Set<string>());
  useEffect(() => {
    const key = search.toString();
    if (ours.current.has(key)) ours.current.delete(key);
    else latest.current = search;
  }, [search]);
  const update = useCallback(
    (patch: Partial<AuditFilterParams>) => {
      const next = new URLSearchParams(latest.current);
      for (const [key, value] of Object.entries(patch)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      latest.current = next;
      ours.current.add(next.toString());
      setSearch(next, { replace: true });
    },
    [setSearch],
  );
  return [filters, update] as const;
}
