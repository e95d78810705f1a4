import type { ListMembersResponse, Member } from '@roster/contracts';
import type { MemberPages } from './member-list-patch.ts';

/**
 * Structural sharing for members lists, cheaper than the default deep compare on long lists:
 * a refetched row at the same version as the cached one keeps the cached object, so only rows
 * that really changed re-render. Identical input gives back `prev` itself, which TanStack Query
 * needs for a stable result (placeholder data goes through here on every render).
 */
export function shareMemberPages(prev: unknown, next: unknown): unknown {
  if (prev === next || !isPages(prev) || !isPages(next)) return next;
  let unchanged = prev.pages.length === next.pages.length && samePageParams(prev, next);
  const pages = next.pages.map((page, i) => {
    const old = prev.pages[i];
    const shared = old ? sharePage(old, page) : page;
    if (shared !== old) unchanged = false;
    return shared;
  });
  return unchanged ? prev : { ...next, pages };
}

function sharePage(old: ListMembersResponse, page: ListMembersResponse): ListMembersResponse {
  if (old === page) return old;
  const byId = new Map(old.items.map((m) => [m.userId, m]));
  let same =
    old.items.length === page.items.length &&
    old.nextCursor === page.nextCursor &&
    old.total === page.total &&
    old.seq === page.seq;
  const items = page.items.map((m, i) => {
    const cached = byId.get(m.userId);
    const kept = cached && sameMember(cached, m) ? cached : m;
    if (kept !== old.items[i]) same = false;
    return kept;
  });
  return same ? old : { ...page, items };
}

function samePageParams(a: MemberPages, b: MemberPages): boolean {
  return a.pageParams.length === b.pageParams.length && a.pageParams.every((p, i) => p === b.pageParams[i]);
}

function isPages(value: unknown): value is MemberPages {
  return typeof value === 'object' && value !== null && Array.isArray((value as MemberPages).pages);
}

/** Workspace grants live in their own rows, so the membership version alone does not cover them. */
function sameMember(a: Member, b: Member): boolean {
  return (
    a.version === b.version &&
    a.role === b.role &&
    a.lastChange?.at === b.lastChange?.at &&
    a.workspaces.length === b.workspaces.length &&
    a.workspaces.every((w, i) => w.id === b.workspaces[i]?.id && w.role === b.workspaces[i]?.role)
  );
}
