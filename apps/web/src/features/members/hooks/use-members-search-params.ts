import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { MemberSortSchema, OrgRoleSchema, SortOrderSchema } from '@roster/contracts';
import type { MembersListParams } from '../api/members-keys.ts';

const defaults = { sort: 'name', order: 'asc' } as const;

/** Reads the table state from the URL; anything unknown falls back to the default rather than erroring. */
export function parseMembersParams(search: URLSearchParams): MembersListParams {
  const q = search.get('q')?.trim();
  const role = OrgRoleSchema.safeParse(search.get('role'));
  const twoFactor = search.get('twoFactor');
  return {
    ...(q ? { q } : {}),
    ...(role.success ? { role: role.data } : {}),
    ...(twoFactor === 'on' || twoFactor === 'off' ? { twoFactor } : {}),
    sort: MemberSortSchema.catch(defaults.sort).parse(search.get('sort')),
    order: SortOrderSchema.catch(defaults.order).parse(search.get('order')),
  };
}

/**
 * Table state (q, role, twoFactor, sort, order) lives in the URL, so a view can be shared, reloaded and
 * walked back. Defaults are left out to keep links short; edits replace the history entry.
 *
 * Navigations are asynchronous and react-router computes a functional update from the current
 * location, not from a navigation still under way: a search cleared a moment before a role is
 * picked would come back. So edits build on the latest state we asked for, and the location
 * only overrides it when it changes for another reason (back button, a link).
 */
export function useMembersSearchParams() {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => parseMembersParams(search), [search]);
  const latest = useRef(search);
  const ours = useRef(new Set<string>());
  useEffect(() => {
    const key = search.toString();
    if (ours.current.has(key)) ours.current.delete(key);
    else latest.current = search;
  }, [search]);
  const update = useCallback(
    (patch: Partial<MembersListParams>) => {
      const next = new URLSearchParams(latest.current);
      for (const [key, value] of Object.entries(patch)) {
        const isDefault = value === undefined || value === '' || defaults[key as keyof typeof defaults] === value;
        if (isDefault) next.delete(key);
        else next.set(key, String(value));
      }
      latest.current = next;
      ours.current.add(next.toString());
      setSearch(next, { replace: true });
    },
    [setSearch],
  );
  return [params, update] as const;
}
