import type { QueryKey } from '@tanstack/react-query';
import type { ListInvitationsQuery } from '@roster/contracts';

/** What the invitations section controls: status filter and search; the infinite query owns paging. */
export type InvitationsListParams = Pick<ListInvitationsQuery, 'status' | 'q'>;

/** Hierarchical keys: everything of an org's invitations sits under `['invitations', orgId]`. */
export const invitationsKeys = {
  all: ['invitations'] as const,
  org: (orgId: string) => ['invitations', orgId] as const,
  lists: (orgId: string) => ['invitations', orgId, 'list'] as const,
  list: (orgId: string, params: InvitationsListParams) => ['invitations', orgId, 'list', params] as const,
  workspaces: (orgId: string) => ['invitations', orgId, 'workspace-options'] as const,
};

/** Reads a list key back (for live updates), or null when the key is not an invitations list. */
export function parseInvitationListKey(key: QueryKey): { orgId: string; filter: InvitationsListParams } | null {
  const [root, orgId, kind, params] = key;
  if (root !== 'invitations' || kind !== 'list' || typeof orgId !== 'string' || typeof params !== 'object' || !params) {
    return null;
  }
  return { orgId, filter: params };
}

/** The invitations cache as lib/live-updates patches it. */
export const invitationsCache = { invitationListsKey: invitationsKeys.lists, parseInvitationListKey };
