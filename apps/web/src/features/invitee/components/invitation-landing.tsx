import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { orgRoleLabel, type AcceptInvitationResponse, type PublicInvitation } from '@roster/contracts';
import { Icon } from '../../../components/ui/icon.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { ApiError, isApiError } from '../../../lib/api-error.ts';
import { invitationViewQueryOptions } from '../api/invitation-view-query.ts';
import { useAcceptLinkInvitation, useDeclineLinkInvitation } from '../api/use-decide-link-invitation.ts';
import { inviteeErrorCopy } from '../utils/invitee-error-copy.ts';
import { InvitationSignUp } from './invitation-sign-up.tsx';
import { InviteeNotice } from './invitee-notice.tsx';
import './invitee.css';

interface InvitationLandingProps {
  token: string;
  /** The signed-in account's address, when someone is signed in. */
  viewerEmail: string | null;
  /** Signs out, then opens sign-in with this page as `next`. */
  onSwitchAccount: () => void;
  /** Where to go once accepted (admins to the directory, others to a welcome page). */
  onAccepted: (answer: AcceptInvitationResponse) => void;
}

/** The page behind the mail's link (R7, R8): who invites you where, and what you can do about it. */
export function InvitationLanding({ token, viewerEmail, onSwitchAccount, onAccepted }: InvitationLandingProps) {
  const view = useQuery({ ...invitationViewQueryOptions(token), retry: false });
  const accept = useAcceptLinkInvitation(token);
  const decline = useDeclineLinkInvitation(token);
  const [declined, setDeclined] = useState(false);
  const next = encodeURIComponent(`/invitations/${token}`);

  if (view.isPending) {
    return (
      <div className="invitee-card invitee-card--loading">
        <Spinner size={18} label="Loading the invitation" />
      </div>
    );
  }
  if (view.isError) {
    const copy = inviteeErrorCopy(view.error);
    return (
      <InviteeNotice
        icon={isApiError(view.error, 'INVITE_EXPIRED') ? 'clock' : 'alert'}
        tone={isApiError(view.error, 'INVITE_REVOKED') || isApiError(view.error, 'NOT_FOUND') ? 'danger' : 'warning'}
        title={copy.title}
        actions={<HomeLink signedIn={viewerEmail !== null} />}
      >
        <p>{copy.description}</p>
      </InviteeNotice>
    );
  }
  const invitation = view.data;
  if (declined || invitation.status === 'declined') {
    return (
      <InviteeNotice icon="x" title="Invitation declined" actions={<HomeLink signedIn={viewerEmail !== null} />}>
        <p>
          You declined {invitation.inviterName}’s invitation to {invitation.orgName}. If you change your mind, ask them
          to invite you again.
        </p>
      </InviteeNotice>
    );
  }
  if (invitation.status === 'accepted') {
    return (
      <InviteeNotice
        icon="check"
        title="This invitation was already accepted"
        actions={<HomeLink signedIn={viewerEmail !== null} />}
      >
        <p>
          It has been used to join {invitation.orgName}.{' '}
          {viewerEmail ? 'Open Roster to find it.' : 'Sign in to open it.'}
        </p>
      </InviteeNotice>
    );
  }
  const wrongRecipient =
    (invitation.signedIn && !invitation.matchesSignedInUser) || isApiError(accept.error, 'INVITE_WRONG_RECIPIENT');
  const acceptError = accept.isError && !wrongRecipient ? inviteeErrorCopy(accept.error, invitation.orgName) : null;
  const declineError = decline.isError ? inviteeErrorCopy(decline.error, invitation.orgName) : null;
  const error = acceptError ?? declineError;
  return (
    <div className="invitee-card">
      <Headline invitation={invitation} />
      {error && (
        <div className="sign-in__error" role="alert">
          <strong>{error.title}.</strong> {error.description}
        </div>
      )}
      {!invitation.signedIn ? (
        <>
          <InvitationSignUp token={token} email={invitation.email} signInHref={`/sign-in?next=${next}`} />
          <p className="invitee-card__lead invitee-card__lead--small">
            Already have an account? <Link to={`/sign-in?next=${next}`}>Sign in to accept</Link>
          </p>
        </>
      ) : wrongRecipient ? (
        <>
          <div className="invitee-wrong" role="alert">
            <Icon name="alert" />
            <div>
              <strong>{inviteeErrorCopy(isApiError(accept.error) ? accept.error : wrongRecipientError).title}</strong>
              <p>
                You’re signed in as <strong>{viewerEmail ?? 'another account'}</strong>. Sign in with the address the
                invitation was sent to.
              </p>
            </div>
          </div>
          <div className="invitee-card__actions">
            <button type="button" className="button button--primary button--block" onClick={onSwitchAccount}>
              Switch account
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="invitee-card__lead">
            You’ll join as <strong>{invitation.email}</strong>.
          </p>
          <div className="invitee-card__actions">
            <button
              type="button"
              className="button button--primary button--block"
              disabled={accept.isPending || decline.isPending}
              onClick={() => accept.mutate(undefined, { onSuccess: (answer) => onAccepted(answer) })}
            >
              {accept.isPending ? 'Joining…' : `Accept and join ${invitation.orgName}`}
            </button>
            <button
              type="button"
              className="button button--secondary button--block"
              disabled={accept.isPending || decline.isPending}
              onClick={() => decline.mutate(undefined, { onSuccess: () => setDeclined(true) })}
            >
              {decline.isPending ? 'Declining…' : 'Decline'}
            </button>
          </div>
        </>
      )}
    </div>
  );
}

/** Stands in for the server's refusal when the page already knows the account is not the invited one. */
const wrongRecipientError = new ApiError(403, 'INVITE_WRONG_RECIPIENT', 'This invitation is for another address');

function Headline({ invitation }: { invitation: PublicInvitation }) {
  return (
    <div className="invitee-card__head">
      <span className="invitee-card__org" aria-hidden="true">
        {invitation.orgName.slice(0, 1).toUpperCase()}
      </span>
      <h1 className="invitee-card__title">Join {invitation.orgName} on Roster</h1>
      <p className="invitee-card__sub">
        <strong>{invitation.inviterName}</strong> invited you as {article(orgRoleLabel[invitation.role])}{' '}
        <strong>{orgRoleLabel[invitation.role]}</strong>.
      </p>
    </div>
  );
}

const article = (word: string) => (/^[AEIOU]/i.test(word) ? 'an' : 'a');

function HomeLink({ signedIn }: { signedIn: boolean }) {
  const navigate = useNavigate();
  return (
    <button
      type="button"
      className="button button--secondary"
      onClick={() => void navigate(signedIn ? '/' : '/sign-in')}
    >
      {signedIn ? 'Go to Roster' : 'Sign in to Roster'}
    </button>
  );
}
