import { useNavigate } from 'react-router';
import type { Me } from '@roster/contracts';
import { Avatar } from '../../components/ui/avatar.tsx';
import { Icon } from '../../components/ui/icon.tsx';
import { toast } from '../../components/ui/toast-store.ts';
import { useSignOut } from '../../features/auth/api/use-sign-out.ts';
import { disconnectSocket } from '../../lib/socket.ts';
import { DevMailboxLink } from '../../features/invitee/components/dev-mailbox-link.tsx';
import { InboxButton } from '../../features/invitee/components/inbox-button.tsx';
import { orgLandingPath } from '../routes/safe-next.ts';
import { LiveIndicator } from './live-indicator.tsx';
import { Logo } from './logo.tsx';
import { OrgNav } from './org-nav.tsx';
import { OrgSwitcher } from './org-switcher.tsx';

export function AppHeader({ me, currentOrgId }: { me: Me; currentOrgId: string | undefined }) {
  const navigate = useNavigate();
  const signOut = useSignOut();
  const onSignOut = () =>
    signOut.mutate(undefined, {
      onSuccess: () => {
        disconnectSocket();
        void navigate('/sign-in', { replace: true });
      },
      onError: () =>
        toast({ tone: 'error', title: 'Could not sign out', description: 'Check your connection and try again.' }),
    });
  return (
    <header className="app-header">
      <div className="app-header__left">
        <Logo />
        {me.organizations.length > 0 && <span className="app-header__divider" aria-hidden="true" />}
        <OrgSwitcher me={me} currentOrgId={currentOrgId} />
        <OrgNav me={me} currentOrgId={currentOrgId} />
      </div>
      <div className="app-header__right">
        <LiveIndicator />
        <DevMailboxLink />
        <InboxButton onAccepted={(orgId, invitation) => void navigate(orgLandingPath(orgId, invitation.role))} />
        <div className="app-header__user">
          <Avatar name={me.user.name} seed={me.user.id} size={28} />
          <div className="app-header__who">
            <span className="app-header__name">{me.user.name}</span>
            <span className="app-header__email">{me.user.email}</span>
          </div>
        </div>
        <button type="button" className="button button--ghost" onClick={onSignOut} disabled={signOut.isPending}>
          <Icon name="logOut" />
          Sign out
        </button>
      </div>
    </header>
  );
}
