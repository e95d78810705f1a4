import { lazy, Suspense } from 'react';
import { useNavigate } from 'react-router';
import type { Me } from '@roster/contracts';
import { Icon } from '../../components/ui/icon.tsx';
import { toast } from '../../components/ui/toast-store.ts';
import { useSignOut } from '../../features/auth/api/use-sign-out.ts';
import { InboxButton } from '../../features/invitee/components/inbox-button.tsx';
import { useCompactHeader } from '../../lib/breakpoints.ts';
import { disconnectSocket } from '../../lib/socket.ts';
import { orgLandingPath } from '../routes/safe-next.ts';
import { AccountMenu } from './account-menu.tsx';
import { HeaderMenu } from './header-menu.tsx';
import { LiveIndicator } from './live-indicator.tsx';
import { Logo } from './logo.tsx';
import { OrgNav } from './org-nav.tsx';
import { OrgSwitcher } from './org-switcher.tsx';
import { ThemeMenu } from './theme-menu.tsx';

// A developer's convenience (shown only without SMTP): loaded after the page, not with it.
const DevMailboxLink = lazy(async () => ({
  default: (await import('../../features/invitee/components/dev-mailbox-link.tsx')).DevMailboxLink,
}));

/**
 * Wide: everything in one row. Compact (under 1024 px): the org's pages, the theme and the dev
 * mailbox fold into a menu; the live status, the inbox, the account and signing out stay.
 */
export function AppHeader({ me, currentOrgId }: { me: Me; currentOrgId: string | undefined }) {
  const navigate = useNavigate();
  const signOut = useSignOut();
  const compact = useCompactHeader();
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
    <header className={`app-header${compact ? ' app-header--compact' : ''}`}>
      <div className="app-header__left">
        {compact && <HeaderMenu me={me} currentOrgId={currentOrgId} />}
        <Logo />
        {me.organizations.length > 0 && <span className="app-header__divider" aria-hidden="true" />}
        <OrgSwitcher me={me} currentOrgId={currentOrgId} />
        {!compact && <OrgNav me={me} currentOrgId={currentOrgId} />}
      </div>
      <div className="app-header__right">
        <LiveIndicator />
        {!compact && (
          <Suspense fallback={null}>
            <DevMailboxLink />
          </Suspense>
        )}
        <InboxButton onAccepted={(orgId, invitation) => void navigate(orgLandingPath(orgId, invitation.role))} />
        {!compact && <ThemeMenu />}
        <AccountMenu me={me} onSignOut={onSignOut} signingOut={signOut.isPending} />
        <button
          type="button"
          className={compact ? 'icon-button' : 'button button--ghost'}
          onClick={onSignOut}
          disabled={signOut.isPending}
          aria-label={compact ? 'Sign out' : undefined}
          title={compact ? 'Sign out' : undefined}
        >
          <Icon name="logOut" />
          {!compact && 'Sign out'}
        </button>
      </div>
    </header>
  );
}
