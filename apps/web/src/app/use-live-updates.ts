import { useEffect, useEffectEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { orgRoleLabel, type Me } from '@roster/contracts';
import { toast } from '../components/ui/toast-store.ts';
import { meKeys, meQueryOptions } from '../features/auth/api/me-query.ts';
import { membersCache } from '../features/members/api/members-keys.ts';
import { orgKeys } from '../features/orgs/api/orgs-keys.ts';
import { invitationsCache } from '../features/invitations/api/invitations-keys.ts';
import { inviteeKeys } from '../features/invitee/api/invitee-keys.ts';
import { domainsKeys } from '../features/domains/api/domains-keys.ts';
import { apiKeysKeys } from '../features/developers/api/api-keys-keys.ts';
import { webhooksKeys } from '../features/developers/api/webhooks-keys.ts';
import { markMembersChanged } from '../features/members/stores/recent-changes-store.ts';
import { setConnectionStatus } from '../lib/connection-store.ts';
import { orgPath, orgSlugOf } from '../lib/org-paths.ts';
import {
  startLiveUpdates,
  type AccessChangedEvent,
  type OrgLifecycleEvent,
  type WebhookDisabledEvent,
} from '../lib/live-updates.ts';
import { governanceCache } from './governance-cache.ts';
import { showAccessRequestToast } from './access-request-toast.ts';
import { webhookDisabledToast } from './webhook-disabled-toast.ts';
import { announceMemberChanges, changesToAnnounce } from './live-announcements.ts';
import { connectSocket, disconnectSocket, getSocket } from '../lib/socket.ts';

/**
 * Wires the live layer to the features while someone is signed in: which keys to patch, what to
 * highlight, and where to go when your own access changes.
 */
export function useLiveUpdates() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const onAccessChanged = useEffectEvent(async (event: AccessChangedEvent, cause?: OrgLifecycleEvent) => {
    const before = queryClient.getQueryData<Me>(meKeys.me);
    const org = before?.organizations.find((o) => o.id === event.orgId);
    // The org's own news names it even once /api/me no longer lists it.
    const orgName = cause?.data.org.name ?? org?.name ?? 'the organization';
    const orgSlug = org?.slug ?? cause?.data.org.slug;
    const { role } = event.data;
    // Your own doing (leaving, deleting, restoring): the page that did it already said so.
    const bySelf = event.actor.id === before?.user.id;
    if (role === null) {
      if (!bySelf) toast(lostAccessToast(event.actor.name, orgName, cause));
      // Fresh /api/me first, so the root sends you to an org you still belong to.
      const after = await queryClient.fetchQuery({ ...meQueryOptions(), staleTime: 0 }).catch(() => undefined);
      // The creator keeps a deleted org: its open pages turn into the way to restore it instead.
      const kept = after?.organizations.some((o) => o.id === event.orgId) ?? false;
      if (!kept && orgSlug && orgSlugOf(pathname) === orgSlug) void navigate('/', { replace: true });
      return;
    }
    if (cause) {
      if (!bySelf)
        toast({
          tone: 'info',
          title: `${event.actor.name} restored ${orgName}`,
          description: 'Its pages are open to you again.',
        });
      return;
    }
    const detail =
      role === 'ADMIN' ? 'You can now manage its members.' : 'Managing members is no longer available to you.';
    toast({
      tone: 'info',
      title: `${event.actor.name} changed your role in ${orgName} to ${orgRoleLabel[role]}`,
      description: detail,
    });
  });

  // The Developers page's own banner already names the endpoint there.
  const onWebhookDisabled = useEffectEvent((event: WebhookDisabledEvent) => {
    const org = queryClient.getQueryData<Me>(meKeys.me)?.organizations.find((o) => o.id === event.orgId);
    const developers = org ? `${orgPath(org.slug)}/developers` : null;
    if (developers !== null && pathname === developers) return;
    toast(webhookDisabledToast(event, developers === null ? null : () => void navigate(developers)));
  });

  useEffect(() => {
    const stop = startLiveUpdates({
      socket: getSocket(),
      queryClient,
      meKey: meKeys.me,
      orgKey: orgKeys.org,
      ...membersCache,
      invitations: { ...invitationsCache, myInvitationsKey: inviteeKeys.mine },
      governance: governanceCache,
      domains: { domainsKey: domainsKeys.org, suggestedKey: domainsKeys.suggested },
      apiKeys: { apiKeysKey: apiKeysKeys.org },
      webhooks: { webhooksKey: webhooksKeys.org },
      onAccessChanged: (event, cause) => void onAccessChanged(event, cause),
      onAccessRequested: showAccessRequestToast,
      onWebhookDisabled: (event) => onWebhookDisabled(event),
      // Highlight and announce what others did; your own change is already in front of you.
      onMembersChanged: (orgId, changes) => {
        const myId = queryClient.getQueryData<Me>(meKeys.me)?.user.id;
        markMembersChanged(changes.filter((c) => c.actorId !== myId).map((c) => c.userId));
        announceMemberChanges(changesToAnnounce(queryClient, membersCache.membersListsKey(orgId), changes, myId));
      },
      onSynced: (afterReconnect) => setConnectionStatus(afterReconnect ? 'resynced' : 'connected'),
    });
    // The server ends a revoked session's socket ("io server disconnect"); /api/me then answers
    // 401, and the query client's onUnauthenticated sends the tab to sign-in without a reload.
    const socket = getSocket();
    const onDisconnect = (reason: string) => {
      if (reason === 'io server disconnect')
        void queryClient.fetchQuery({ ...meQueryOptions(), staleTime: 0 }).catch(() => undefined);
    };
    socket.on('disconnect', onDisconnect);
    connectSocket();
    return () => {
      socket.off('disconnect', onDisconnect);
      stop();
      disconnectSocket();
    };
  }, [queryClient]);
}

/** Why an org's pages just closed to you: the whole org was deleted, or you were removed from it. */
function lostAccessToast(actorName: string, orgName: string, cause: OrgLifecycleEvent | undefined) {
  if (cause?.type === 'org.deleted')
    return {
      tone: 'warning' as const,
      title: `${actorName} deleted ${orgName}`,
      description: 'Nobody but its creator can open it now.',
    };
  return {
    tone: 'warning' as const,
    title: `You were removed from ${orgName}`,
    description: `${actorName} removed you, so its pages are closed to you now.`,
  };
}
