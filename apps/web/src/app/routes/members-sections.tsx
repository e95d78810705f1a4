import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router';
import type { MyOrg } from '@roster/contracts';
import { SectionTabs } from '../../components/ui/section-tabs.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import { useInvitationCount } from '../../features/invitations/api/use-invitation-count.ts';
import { useRequestCount } from '../../features/invite-requests/api/use-request-count.ts';

// Most visits open the directory: the other sections (tables, dialogs) load when opened.
const InvitationsSection = lazy(() =>
  import('../../features/invitations/components/invitations-section.tsx').then((m) => ({
    default: m.InvitationsSection,
  })),
);
const InviteRequestsSection = lazy(() =>
  import('../../features/invite-requests/components/invite-requests-section.tsx').then((m) => ({
    default: m.InviteRequestsSection,
  })),
);
const sectionLoading = <Spinner size={18} label="Loading section" />;

type Section = 'members' | 'invitations' | 'requests';

/**
 * An admin's members page in sections, each a URL (`?section=`) with a live count: the
 * directory, open invitations, and requests. Invitations get a section of their own, so a long
 * list of them never squeezes the directory.
 */
export function useMemberSections(org: MyOrg) {
  const [search] = useSearchParams();
  const isAdmin = org.role === 'ADMIN';
  const invitations = useInvitationCount(org.id, isAdmin);
  const requests = useRequestCount(org.id, isAdmin);
  if (!isAdmin) return {};
  const wanted = search.get('section');
  const section: Section = wanted === 'invitations' || wanted === 'requests' ? wanted : 'members';
  const to = (id: Section) => {
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
          { id: 'invitations', label: 'Invitations', count: invitations, to: to('invitations') },
          { id: 'requests', label: 'Requests', count: requests, to: to('requests') },
        ]}
      />
    ),
    ...(section === 'invitations'
      ? {
          section: (
            <Suspense fallback={sectionLoading}>
              <InvitationsSection orgId={org.id} orgName={org.name} />
            </Suspense>
          ),
        }
      : {}),
    ...(section === 'requests'
      ? {
          section: (
            <Suspense fallback={sectionLoading}>
              <InviteRequestsSection orgId={org.id} />
            </Suspense>
          ),
        }
      : {}),
  };
}
