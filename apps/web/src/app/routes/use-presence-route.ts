import { useSearchParams } from 'react-router';
import type { PresenceView } from '@roster/contracts';
import { usePresencePage } from '../../lib/presence/use-presence.ts';
import { useCurrentOrg } from './current-org.tsx';

/**
 * Tells the others which admin page of the org this tab shows. Org pages are shown to admins
 * only; a workspace's page also to its owners, which the server decides from the socket's rooms.
 */
export function usePresenceRoute(page: 'members' | 'settings' | 'audit' | `workspace:${string}`) {
  const { me, org } = useCurrentOrg();
  const [search] = useSearchParams();
  const section = search.get('section');
  const view: PresenceView =
    page === 'members' && (section === 'invitations' || section === 'requests') ? section : page;
  const mayShow = org?.role === 'ADMIN' || view.startsWith('workspace:');
  usePresencePage(org?.id, mayShow ? view : null, me?.user.id);
}
