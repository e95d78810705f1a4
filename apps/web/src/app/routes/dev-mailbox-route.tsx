import { DevMailboxPage } from '../../features/invitee/components/dev-mailbox-page.tsx';

/** `/dev/mailbox`, public like the endpoint: a newcomer may not have an account yet. */
export function DevMailboxRoute() {
  return (
    <main id="main">
      <DevMailboxPage />
    </main>
  );
}
