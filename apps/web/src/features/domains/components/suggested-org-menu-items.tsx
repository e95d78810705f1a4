import { useQuery } from '@tanstack/react-query';
import { Icon } from '../../../components/ui/icon.tsx';
import { MenuItem, MenuLabel, MenuSeparator } from '../../../components/ui/dropdown-menu.tsx';
import { suggestedOrgsQueryOptions } from '../api/suggested-orgs-query.ts';
import { useJoinSuggestedOrg } from '../api/use-join-suggested-org.ts';

/**
 * For people already in an org: the orgs their verified address lets them join, as items of the
 * organization menu ("Join" or "Ask to join", "Requested" once asked). Nothing when there are none.
 */
export function SuggestedOrgMenuItems({ onJoined }: { onJoined: (orgId: string) => void }) {
  const query = useQuery(suggestedOrgsQueryOptions());
  const join = useJoinSuggestedOrg(onJoined);
  const items = query.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <>
      <MenuSeparator />
      <MenuLabel>You can join</MenuLabel>
      {items.map((org) => {
        const requested = org.enrollment === 'request' && org.requested;
        return (
          <MenuItem
            key={org.orgId}
            onSelect={() => join.mutate(org)}
            disabled={requested || join.isPending}
            {...(requested ? { hint: 'Requested' } : {})}
            icon={<Icon name="userPlus" />}
          >
            {requested
              ? org.orgName
              : org.enrollment === 'request'
                ? `Ask to join ${org.orgName}`
                : `Join ${org.orgName}`}
          </MenuItem>
        );
      })}
    </>
  );
}
