import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { Me } from '@roster/contracts';
import { meKeys } from '../../features/auth/api/me-query.ts';
import { SuggestedOrgMenuItems } from '../../features/domains/components/suggested-org-menu-items.tsx';
import { rememberLastOrg } from '../../features/orgs/utils/last-org.ts';
import { joinedOrgPath } from '../routes/joined-org-path.ts';

/** The switcher's "You can join" items; joining opens the org and makes it the one to return to. */
export function SwitcherJoinItems() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <SuggestedOrgMenuItems
      onJoined={(orgId) => {
        rememberLastOrg(orgId);
        void navigate(joinedOrgPath(queryClient.getQueryData<Me>(meKeys.me), orgId));
      }}
    />
  );
}
