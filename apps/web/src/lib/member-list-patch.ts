import type { InfiniteData } from '@tanstack/react-query';
import type { ListMembersResponse, Member, OrgRole } from '@roster/contracts';

/** A members list as the infinite query caches it: keyset pages, each with the `seq` it reflects. */
export type MemberPages = InfiniteData<ListMembersResponse, string | null>;

/** userId → the member as it is now, or null once removed from the org. */
export type MemberChanges = ReadonlyMap<string, Member | null>;

/** The part of a list's query that decides whether a changed member still belongs in it. */
export interface ListFilter {
  role?: OrgRole | undefined;
  twoFactor?: 'on' | 'off' | undefined;
}

export interface PatchResult {
  data: MemberPages;
  /** A change now matches the list but its row is not loaded: only a refetch can place it. */
  missing: boolean;
  /** Rows that actually changed (not stale, not absent). */
  applied: string[];
}

/**
 * Applies changes to the cached pages, touching only the pages that hold a changed row so the
 * rest keep their identity. A change is applied only when its version is newer than the row's:
 * replays and late events can never move a row back in time. The total moves only for rows we
 * hold, because a replayed removal of an unloaded row is indistinguishable from a fresh one.
 */
export function patchMemberPages(data: MemberPages, changes: MemberChanges, filter: ListFilter): PatchResult {
  const seen = new Set<string>();
  const applied: string[] = [];
  let dropped = 0;
  const pages = data.pages.map((page) => {
    let touched = false;
    const items: Member[] = [];
    for (const row of page.items) {
      const next = changes.get(row.userId);
      if (next === undefined) {
        items.push(row);
        continue;
      }
      seen.add(row.userId);
      if (next !== null && (next.version < row.version || (next.version === row.version && sameGrants(next, row)))) {
        items.push(row);
        continue;
      }
      touched = true;
      applied.push(row.userId);
      if (next !== null && matches(filter, next)) items.push(next);
      else dropped++;
    }
    return touched ? { ...page, items } : page;
  });
  // A count stopped at its cap stays as it was: more than the cap still match.
  if (dropped > 0 && pages[0] && !pages[0].totalIsCapped)
    pages[0] = { ...pages[0], total: Math.max(0, pages[0].total - dropped) };
  const missing =
    (filter.role !== undefined || filter.twoFactor !== undefined) &&
    [...changes].some(([id, m]) => m !== null && !seen.has(id) && matches(filter, m));
  const unchanged = pages.every((page, i) => page === data.pages[i]);
  return { data: unchanged ? data : { ...data, pages }, missing, applied };
}

function matches(filter: ListFilter, member: Member): boolean {
  return (
    (filter.role === undefined || member.role === filter.role) &&
    (filter.twoFactor === undefined || member.twoFactorEnabled === (filter.twoFactor === 'on'))
  );
}

/** Workspace grants live in their own rows: at the same version, new chips still count as a change. */
function sameGrants(a: Member, b: Member): boolean {
  return (
    a.workspaces.length === b.workspaces.length &&
    a.workspaces.every((w, i) => w.id === b.workspaces[i]?.id && w.role === b.workspaces[i]?.role)
  );
}
