import { lazy, Suspense, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { MyOrg } from '@roster/contracts';
import { useMemberSections } from './members-sections.tsx';

// Only members who are not admins see these: an admin's page does not download them.
const MyRequests = lazy(() =>
  import('../../features/invite-requests/components/my-requests.tsx').then((m) => ({ default: m.MyRequests })),
);
const RequestAccess = lazy(() =>
  import('../../features/access-requests/components/request-access.tsx').then((m) => ({ default: m.RequestAccess })),
);
const LeaveOrgButton = lazy(() =>
  import('../../features/settings/components/leave-org-button.tsx').then((m) => ({ default: m.LeaveOrgButton })),
);

/**
 * What governance adds to the members page: for admins the sections (Members · Invitations ·
 * Requests) with live counts; for members, whom to ask for access ("Request access"), their own
 * requests and "Leave" under "Access restricted".
 */
export function useGovernanceSlots(org: MyOrg, onLeft: () => void) {
  const sections = useMemberSections(org);
  if (org.role === 'ADMIN') return sections;
  return {
    restrictedContent: (
      <Suspense>
        <RequestAccess orgId={org.id} page="members" />
        {org.settings.invitePolicy !== 'admins_only' && <MyRequests orgId={org.id} />}
        {org.settings.allowSelfLeave && (
          <div className="restricted-leave">
            <LeaveOrgButton orgId={org.id} orgName={org.name} onLeft={onLeft} />
          </div>
        )}
      </Suspense>
    ),
  };
}

/** Render-prop wrapper, so the members route can call the hook after its early returns. */
export function WithGovernanceSlots({
  org,
  children,
}: {
  org: MyOrg;
  children: (slots: ReturnType<typeof useGovernanceSlots>) => ReactNode;
}) {
  const navigate = useNavigate();
  return children(useGovernanceSlots(org, () => void navigate('/', { replace: true })));
}
