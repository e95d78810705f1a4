import { useEffect, useState } from 'react';
import { Outlet } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { meQueryOptions } from '../../features/auth/api/me-query.ts';
import { rememberLastOrg } from '../../features/orgs/utils/last-org.ts';
import { SkipLink } from '../../components/ui/skip-link.tsx';
import { AppHeader } from '../components/app-header.tsx';
import { KeyboardShortcuts } from '../components/keyboard-shortcuts.tsx';
import { LiveAnnouncer } from '../components/live-announcer.tsx';
import { useRouteOrgId } from './current-org.tsx';
import { useLiveUpdates } from '../use-live-updates.ts';
import { startPresence } from '../../lib/presence/presence-sender.ts';
import { getSocket } from '../../lib/socket.ts';
import '../app-shell.css';

/**
 * Every signed-in page: the header, the page-wide keyboard shortcuts, and the one live
 * connection (with its live region) while anyone is signed in.
 */
export function AuthedLayout() {
  const { data: me } = useQuery(meQueryOptions());
  const orgId = useRouteOrgId();
  // Pages outside any org (your account) keep the org you came from in the header.
  const [lastOrgId, setLastOrgId] = useState(orgId);
  if (orgId && orgId !== lastOrgId) setLastOrgId(orgId);
  const inOrg = me?.organizations.some((o) => o.id === orgId) ?? false;
  // Whichever way you came (switcher, link, another tab's URL), the app opens here next time.
  useEffect(() => {
    if (orgId && inOrg) rememberLastOrg(orgId);
  }, [orgId, inOrg]);
  useLiveUpdates();
  // Who else is on an admin page rides the same socket, for as long as anyone is signed in.
  useEffect(() => startPresence(getSocket()), []);
  if (!me) return null;
  const only = me.organizations.length === 1 ? me.organizations[0]!.id : undefined;
  return (
    <div className="app-shell">
      <SkipLink />
      <AppHeader me={me} currentOrgId={orgId ?? lastOrgId ?? only} />
      <main className="app-main" id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <KeyboardShortcuts />
      <LiveAnnouncer />
    </div>
  );
}
