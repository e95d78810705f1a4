import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { StatePanel } from '../../components/ui/state-panel.tsx';
import { myInvitationsQueryOptions } from '../../features/invitee/api/my-invitations-query.ts';
import { MyInvitationsList } from '../../features/invitee/components/my-invitations-list.tsx';
import { orgLandingPath } from './safe-next.ts';

export function NoOrganizationsRoute() {
  const navigate = useNavigate();
  const { data } = useQuery(myInvitationsQueryOptions());
  const pending = data?.items.length ?? 0;
  return (
    <div className="invitee-home">
      <StatePanel
        icon={pending > 0 ? 'inbox' : 'users'}
        title={pending > 0 ? 'You’ve been invited' : 'You’re not in any organization yet'}
        as="h1"
      >
        <p>
          {pending > 0
            ? 'Accept an invitation to join that organization.'
            : 'When an admin adds you to an organization, it will show up here.'}
        </p>
      </StatePanel>
      {pending > 0 && (
        <section className="invitee-home__card" aria-label="Pending invitations">
          <h2 className="invitee-home__card-title">Pending invitations</h2>
          <MyInvitationsList onAccepted={(orgId, inv) => void navigate(orgLandingPath(orgId, inv.role))} />
        </section>
      )}
    </div>
  );
}
