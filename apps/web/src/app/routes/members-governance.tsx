import type { ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { MyOrg } from '@roster/contracts';
import { SectionTabs } from '../../components/ui/section-tabs.tsx';
import { useRequestCount } from '../../features/invite-requests/api/use-request-count.ts';
import { InviteRequestsSection } from '../../features/invite-requests/components/invite-requests-section.tsx';
import { MyRequests } from '../../features/invite-requests/components/my-requests.tsx';
import { LeaveOrgButton } from '../../features/settings/components/leave-org-button.tsx';

/**
 * What governance adds to the members page: for admins a section switcher (Members · Requests)
 * with a live count; for members, their own requests and "Leave" under "Access restricted".
 */
export function useGovernanceSlots(org: MyOrg, onLeft: () => void) {
  const [search] = useSearchParams();
  const isAdmin = org.role === 'ADMIN';
  const count = useRequestCount(org.id, isAdmin);
  const section = search.get('section') === 'requests' && isAdmin ? 'requests' : 'members';
  const leave = org.settings.allowSelfLeave && (
    <div className="restricted-leave">
      <LeaveOrgButton orgId={org.id} orgName={org.name} onLeft={onLeft} />
    </div>
  );
  if (!isAdmin) {
    return {
      restrictedContent: (
        <>
          {org.settings.invitePolicy !== 'admins_only' && <MyRequests orgId={org.id} />}
          {leave}
        </>
      ),
    };
  }
  const to = (id: string) => {
    const next = new URLSearchParams(search);
    if (id === 'members') next.delete('section');
    else next.set('section', id);
    const query = next.toString();
    return query ? `?${query}` : '?';
  };
  return {
    tabs: (
      <SectionTabs
        label="Members sections"
        current={section}
        tabs={[
          { id: 'members', label: 'Members', to: to('members') },
          { id: 'requests', label: 'Requests', count, to: to('requests') },
        ]}
      />
    ),
    ...(section === 'requests' ? { section: <InviteRequestsSection orgId={org.id} /> } : {}),
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
