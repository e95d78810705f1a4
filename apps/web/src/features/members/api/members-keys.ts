import type { QueryKey } from '@tanstack/react-query';
import type { ListMembersQuery, OrgRole } from '@roster/contracts';

/** What the table controls: the list query minus paging, which the infinite query owns. */
export type MembersListParams = Required<Pick<ListMembersQuery, 'sort' | 'order'>> &
  Pick<ListMembersQuery, 'q' | 'role' | 'twoFactor'>;

/** Hierarchical keys: everything of an org's members sits under `['members', orgId]`. */
export const membersKeys = {
  all: ['members'] as const,
  org: (orgId: string) => ['members', orgId] as const,
  lists: (orgId: string) => ['members', orgId, 'list'] as const,
  list: (orgId: string, params: MembersListParams) => ['members', orgId, 'list', params] as const,
};

/** Reads a list key back (for live updates), or null when the key is not a members list. */
export function parseMembersListKey(
  key: QueryKey,
): { orgId: string; filter: { role?: OrgRole; twoFactor?: 'on' | 'off' } } | null {
  const [root, orgId, kind, params] = key;
  if (root !== 'members' || kind !== 'list' || typeof orgId !== 'string' || typeof params !== 'object' || !params) {
    return null;
  }
  const { role, twoFactor } = params as MembersListParams;
  return { orgId, filter: { role, twoFactor } };
}

/** The members cache as lib/live-updates and the mutations patch it. */
export const membersCache = { membersListsKey: membersKeys.lists, parseMembersListKey };
