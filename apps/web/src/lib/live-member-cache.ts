import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { Member, OrgEvent } from '@roster/contracts';
import { patchMemberPages, type ListFilter, type MemberPages } from './member-list-patch.ts';

/** How the members feature keys its lists, handed in by the app so lib never imports a feature. */
export interface MembersCache {
  /** Prefix shared by every members list query of an org. */
  membersListsKey: (orgId: string) => QueryKey;
  /** Reads a members list key back into its org and filter; null for any other query. */
  parseMembersListKey: (key: QueryKey) => { orgId: string; filter: ListFilter } | null;
}

/** A row a live event really changed, and who changed it. */
export interface AppliedChange {
  userId: string;
  actorId: string;
}

/**
 * Folds a batch of events into one change map per org (newest version wins, removal is final)
 * and writes each cached list of that org once. Returns the rows changed per org.
 */
export function applyMemberEvents(queryClient: QueryClient, cache: MembersCache, events: OrgEvent[]) {
  const byOrg = new Map<string, Map<string, Member | null>>();
  const actorOf = new Map<string, string>();
  const refetchOrgs = new Set<string>();
  for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
    const changes = byOrg.get(event.orgId) ?? new Map<string, Member | null>();
    byOrg.set(event.orgId, changes);
    switch (event.type) {
      case 'member.removed':
      case 'member.left':
        changes.set(event.data.userId, null);
        actorOf.set(event.data.userId, event.actor.id);
        break;
      case 'member.role_changed':
        keepNewest(changes, event.data.member);
        actorOf.set(event.data.member.userId, event.actor.id);
        break;
      case 'workspace.member_added':
      case 'workspace.member_role_changed':
      case 'workspace.member_removed':
        // The org row with its workspace chips as they are now (grants do not bump its version).
        keepNewest(changes, event.data.member);
        actorOf.set(event.data.member.userId, event.actor.id);
        break;
      case 'member.joined':
        // A new row's place in a sorted keyset list is the server's to decide: refetch.
        refetchOrgs.add(event.orgId);
        break;
      case 'workspace.renamed':
      case 'workspace.deleted':
        // Every row's chips name its workspaces; which rows carry this one only the server knows: refetch.
        refetchOrgs.add(event.orgId);
        break;
      default:
        // Other domains (invitations…) have no rows in the members cache.
        break;
    }
  }
  const changed = new Map<string, AppliedChange[]>();
  for (const [orgId, changes] of byOrg) {
    const applied = changes.size > 0 ? writeChanges(queryClient, cache, orgId, changes) : [];
    if (refetchOrgs.has(orgId)) void queryClient.invalidateQueries({ queryKey: cache.membersListsKey(orgId) });
    if (applied.length > 0)
      changed.set(
        orgId,
        applied.map((userId) => ({ userId, actorId: actorOf.get(userId) ?? '' })),
      );
  }
  return changed;
}

/** Newest version wins; a removal seen earlier in the batch is final. */
function keepNewest(changes: Map<string, Member | null>, member: Member) {
  const known = changes.get(member.userId);
  if (known === undefined || (known !== null && member.version >= known.version)) changes.set(member.userId, member);
}

/**
 * Patches every cached list of the org; a list that would need a row it never loaded is
 * refetched. Returns the rows that really changed somewhere (stale replays are not news).
 */
export function writeChanges(
  queryClient: QueryClient,
  cache: MembersCache,
  orgId: string,
  changes: ReadonlyMap<string, Member | null>,
): string[] {
  const applied = new Set<string>();
  for (const [key, data] of queryClient.getQueriesData<MemberPages>({ queryKey: cache.membersListsKey(orgId) })) {
    const list = cache.parseMembersListKey(key);
    if (!data || !list) continue;
    const result = patchMemberPages(data, changes, list.filter);
    if (result.data !== data) queryClient.setQueryData(key, result.data);
    if (result.missing) void queryClient.invalidateQueries({ queryKey: key, exact: true });
    result.applied.forEach((id) => applied.add(id));
  }
  return [...applied];
}
