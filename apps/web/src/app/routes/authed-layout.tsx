import { Outlet, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { meQueryOptions } from '../../features/auth/api/me-query.ts';
import { AppHeader } from '../components/app-header.tsx';
import { useLiveUpdates } from '../use-live-updates.ts';
import '../app-shell.css';

/** Every signed-in page: the header, and the one live connection while anyone is signed in. */
export function AuthedLayout() {
  const { data: me } = useQuery(meQueryOptions());
  const { orgId } = useParams();
  useLiveUpdates();
  if (!me) return null;
  return (
    <div className="app-shell">
      <AppHeader me={me} currentOrgId={orgId} />
      <main className="app-main" id="main">
        <Outlet />
      </main>
    </div>
  );
}
