import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '@roster/contracts';
import { suggestedOrgsQueryOptions } from '../../features/domains/api/suggested-orgs-query.ts';
import { SuggestedOrgsList } from '../../features/domains/components/suggested-orgs-list.tsx';
import { Icon } from '../../components/ui/icon.tsx';
import { myInvitationsQueryOptions } from '../../features/invitee/api/my-invitations-query.ts';
import { MyInvitationsList } from '../../features/invitee/components/my-invitations-list.tsx';
import { CreateOrgDialog } from '../../features/orgs/components/create-org-dialog.tsx';
import { meKeys } from '../../features/auth/api/me-query.ts';
import { joinedOrgPath } from './joined-org-path.ts';
import { orgLandingPath } from './safe-next.ts';
import './welcome.css';

/**
 * A signed-in person in no organization: join one their verified address opens to them, one they
 * were invited to, or start their own.
 */
export function NoOrganizationsRoute() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const { data } = useQuery(myInvitationsQueryOptions());
  const pending = data?.items.length ?? 0;
  const suggested = useQuery(suggestedOrgsQueryOptions());
  const joinable = suggested.data?.items.length ?? 0;
  return (
    <div className="welcome">
      <header className="welcome__header">
        <p className="welcome__eyebrow">Welcome to Roster</p>
        <h1 className="welcome__title">{pending > 0 ? 'You’ve been invited' : 'You’re not in any organization yet'}</h1>
        <p className="welcome__lead">
          {pending > 0
            ? 'Accept an invitation to join that organization, or start your own.'
            : 'Start one for your team, or wait for an admin to invite you.'}
        </p>
      </header>
      {joinable > 0 && (
        <section className="welcome__card welcome__card--list" aria-labelledby="welcome-joinable">
          <h2 id="welcome-joinable" className="welcome__list-title">
            Organizations you can join
          </h2>
          <SuggestedOrgsList
            onJoined={(orgId) => void navigate(joinedOrgPath(queryClient.getQueryData<Me>(meKeys.me), orgId))}
          />
        </section>
      )}
      <section className="welcome__card" aria-labelledby="welcome-create">
        <span className="welcome__card-icon" aria-hidden="true">
          <Icon name="plus" size={18} />
        </span>
        <div className="welcome__card-body">
          <h2 id="welcome-create" className="welcome__card-title">
            Create an organization
          </h2>
          <p className="welcome__card-text">You’ll be its admin and can invite your team right away.</p>
        </div>
        <button type="button" className="button button--primary welcome__card-action" onClick={() => setCreating(true)}>
          Create organization
        </button>
      </section>
      <section className="welcome__card welcome__card--list" aria-labelledby="welcome-invitations">
        <h2 id="welcome-invitations" className="welcome__list-title">
          Pending invitations
        </h2>
        {pending > 0 ? (
          <MyInvitationsList onAccepted={(orgId, inv) => void navigate(orgLandingPath(orgId, inv.role))} />
        ) : (
          <p className="welcome__empty">
            <Icon name="inbox" size={16} />
            When an admin invites you, the invitation shows up here.
          </p>
        )}
      </section>
      <CreateOrgDialog open={creating} onOpenChange={setCreating} />
    </div>
  );
}
