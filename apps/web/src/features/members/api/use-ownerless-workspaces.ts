import { useQuery } from '@tanstack/react-query';
import type { Member, OrgRole } from '@roster/contracts';
import { previewBulk } from './bulk-preview.ts';

export type OneMemberAction = { type: 'remove' } | { type: 'change_role'; role: OrgRole };

/**
 * The workspaces one removal or role change would leave without an owner, as the server's own
 * preview computes them (the rules the change will meet, co-owners and the external ceiling
 * included). Nothing is asked while `action` is null.
 */
export function useOwnerlessWorkspaces(orgId: string, member: Member | null, action: OneMemberAction | null) {
  return useQuery({
    queryKey: ['ownerless-preview', orgId, member?.userId, member?.version, action],
    queryFn: () =>
      previewBulk(orgId, { action: action!, members: [{ userId: member!.userId, version: member!.version }] }),
    enabled: Boolean(member && action),
    select: (preview) => preview.workspacesLeftWithoutOwner,
    staleTime: 0,
  });
}
