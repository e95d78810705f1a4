import { lazy, Suspense, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { MyInvitation } from '@roster/contracts';
import { Icon } from '../../../components/ui/icon.tsx';
import { Popover } from '../../../components/ui/popover.tsx';
import { myInvitationsQueryOptions } from '../api/my-invitations-query.ts';

// Fetched when the popover first opens: the header is on every page, the list rarely opened.
const MyInvitationsList = lazy(async () => ({
  default: (await import('./my-invitations-list.tsx')).MyInvitationsList,
}));

/** The header's inbox: a count of your pending invitations, and the list in a popover. */
export function InboxButton({ onAccepted }: { onAccepted: (orgId: string, invitation: MyInvitation) => void }) {
  const [open, setOpen] = useState(false);
  const { data } = useQuery(myInvitationsQueryOptions());
  const count = data?.items.length ?? 0;
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      label="Your invitations"
      trigger={
        <button
          type="button"
          className="icon-button inbox-button"
          aria-label={count > 0 ? `Invitations: ${count} pending` : 'Invitations: none pending'}
        >
          <Icon name="inbox" />
          {count > 0 && (
            <span className="inbox-button__count" aria-hidden="true">
              {count > 9 ? '9+' : count}
            </span>
          )}
        </button>
      }
    >
      <div className="inbox-popover__head">
        <h2>Invitations</h2>
        <span className="muted">{count === 0 ? 'Nothing pending' : `${count} pending`}</span>
      </div>
      <Suspense fallback={<p className="muted">Loading…</p>}>
        <MyInvitationsList
          onAccepted={(orgId, invitation) => {
            setOpen(false);
            onAccepted(orgId, invitation);
          }}
          emptyText="When someone invites you to an organization, it shows up here."
        />
      </Suspense>
    </Popover>
  );
}
