import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { HeartbeatSchema, RosterEventSchema, socketEvents, type OrgEvent, type PersonalEvent } from '@roster/contracts';
import { createFrameBatcher, type FrameScheduler } from './frame-batcher.ts';
import { applyInvitationEvents, applyMyInvitationEvent, type InvitationsCache } from './live-invitation-cache.ts';
import {
  applyGovernanceEvents,
  applyMyRequestDecided,
  invalidateAllWorkspaces,
  invalidateGovernance,
  invalidateWorkspace,
  type GovernanceCache,
} from './live-governance-cache.ts';
import { explainMemberChanges, type LiveMemberChange } from './explain-member-changes.ts';
import { applyMemberEvents, type MembersCache } from './live-member-cache.ts';
import { applyDomainEvents, type DomainsCache } from './live-domain-cache.ts';
import { requestSync, watchListSeqs } from './live-sync.ts';
import { createSeqTracker } from './seq-tracker.ts';
import { createPendingCountsRefresh } from './pending-counts-refresh.ts';
import type { LiveSocket } from './live-socket.ts';

export type AccessChangedEvent = Extract<PersonalEvent, { type: 'access.changed' }>;
/** The news an `access.changed` follows when the whole org was deleted or restored, not just you. */
export type OrgLifecycleEvent = Extract<PersonalEvent, { type: 'org.deleted' | 'org.restored' }>;
export type AccessRequestedEvent = Extract<OrgEvent, { type: 'access.requested' }>;
export type WebhookDisabledEvent = Extract<OrgEvent, { type: 'webhook.disabled' }>;

export interface LiveUpdatesOptions extends MembersCache {
  socket: LiveSocket;
  queryClient: QueryClient;
  meKey: QueryKey;
  /** One org's name, slug and version, refetched when a personal `org.*` event says it changed. */
  orgKey?: (orgId: string) => QueryKey;
  /** The invitations lists and the inbox, when the app shows them. */
  invitations?: InvitationsCache;
  /** Settings, workspaces and invite requests, when the app shows them. */
  governance?: GovernanceCache;
  /** The admins' domains list, when the app shows it. */
  domains?: DomainsCache;
  /** The admins' API keys list (refetched on `api_key.*`), when the app shows it. */
  apiKeys?: { apiKeysKey: (orgId: string) => QueryKey };
  /** The admins' webhook endpoints and their deliveries (refetched on `webhook.*`), when the app shows them. */
  webhooks?: { webhooksKey: (orgId: string) => QueryKey };
  /**
   * Your own role changed in an org (null: you were removed); the app decides where to go. When
   * the org itself was deleted or restored, `cause` is that news, so one message tells it.
   */
  onAccessChanged?: (event: AccessChangedEvent, cause?: OrgLifecycleEvent) => void;
  /** Someone asked the admins for access; only events arriving now, never ones replayed by sync. */
  onAccessRequested?: (event: AccessRequestedEvent) => void;
  /** Roster turned a webhook endpoint off after it kept failing; only events arriving now. */
  onWebhookDisabled?: (event: WebhookDisabledEvent) => void;
  /** Rows a live event just changed (who did what), for a brief highlight and an announcement. */
  onMembersChanged?: (orgId: string, changes: LiveMemberChange[]) => void;
  /** The socket is (re)connected and everything missed meanwhile was replayed. */
  onSynced?: (afterReconnect: boolean) => void;
  schedule?: FrameScheduler;
  syncTimeoutMs?: number;
}

/**
 * The one place live events touch the query cache: events are parsed against the contracts,
 * ordered by the per-org `seq` (gaps, heartbeats and reconnects trigger `roster:sync`), batched
 * once per frame, and patched into the cached member pages. Returns a stop function.
 */
export function startLiveUpdates(options: LiveUpdatesOptions): () => void {
  const { socket, queryClient } = options;
  const pendingCounts = createPendingCountsRefresh(
    () => void queryClient.invalidateQueries({ queryKey: options.meKey }),
  );
  const batcher = createFrameBatcher<OrgEvent>((events) => {
    pendingCounts.onEvents(events);
    for (const [orgId, changes] of applyMemberEvents(queryClient, options, events)) {
      options.onMembersChanged?.(orgId, explainMemberChanges(orgId, changes, events));
    }
    if (options.invitations) applyInvitationEvents(queryClient, options.invitations, events);
    if (options.governance) applyGovernanceEvents(queryClient, options.governance, options.meKey, events);
    if (options.domains) applyDomainEvents(queryClient, options.domains, events);
    if (options.apiKeys) {
      for (const orgId of new Set(events.filter((e) => e.type.startsWith('api_key.')).map((e) => e.orgId))) {
        void queryClient.invalidateQueries({ queryKey: options.apiKeys.apiKeysKey(orgId) });
      }
    }
    if (options.webhooks) {
      for (const orgId of new Set(events.filter((e) => e.type.startsWith('webhook.')).map((e) => e.orgId))) {
        void queryClient.invalidateQueries({ queryKey: options.webhooks.webhooksKey(orgId) });
      }
    }
  }, options.schedule);
  const tracker = createSeqTracker({
    requestSync: (orgId, since) => requestSync(socket, { orgId, since }, options.syncTimeoutMs ?? 10_000),
    apply: (events) => events.forEach((event) => batcher.push(event)),
    reset: (orgId) => {
      void queryClient.invalidateQueries({ queryKey: options.membersListsKey(orgId) });
      if (options.invitations)
        void queryClient.invalidateQueries({ queryKey: options.invitations.invitationListsKey(orgId) });
      if (options.governance) invalidateGovernance(queryClient, options.governance, orgId);
      if (options.domains) void queryClient.invalidateQueries({ queryKey: options.domains.domainsKey(orgId) });
      if (options.apiKeys) void queryClient.invalidateQueries({ queryKey: options.apiKeys.apiKeysKey(orgId) });
      if (options.webhooks) void queryClient.invalidateQueries({ queryKey: options.webhooks.webhooksKey(orgId) });
    },
  });

  // An org's deletion or restore, until the `access.changed` it brings arrives.
  const lifecycleNews = new Map<string, OrgLifecycleEvent>();
  const onEvent = (raw: unknown) => {
    const parsed = RosterEventSchema.safeParse(raw);
    if (!parsed.success) return;
    const event = parsed.data;
    if (event.seq === null) {
      // Invitation events update your inbox; the app hands in where it lives.
      if (event.type === 'access.changed') onAccessChanged(event);
      // Every member hears of new settings: what they may do (leave, invite) comes from /api/me.
      else if (event.type === 'settings.changed') void queryClient.invalidateQueries({ queryKey: options.meKey });
      // A new org, a new name or a new creator: the switcher and every page read them from /api/me.
      else if (event.type === 'org.created' || event.type === 'org.updated' || event.type === 'org.transferred') {
        void queryClient.invalidateQueries({ queryKey: options.meKey });
        if (options.orgKey) void queryClient.invalidateQueries({ queryKey: options.orgKey(event.orgId) });
      } else if (event.type === 'org.deleted' || event.type === 'org.restored') {
        // Your access follows at once (`access.changed`), and is told together with this news.
        lifecycleNews.set(event.orgId, event);
        void queryClient.invalidateQueries({ queryKey: options.meKey });
        if (options.orgKey) void queryClient.invalidateQueries({ queryKey: options.orgKey(event.orgId) });
      } else if (event.type === 'invite_request.decided') {
        if (options.governance) applyMyRequestDecided(queryClient, options.governance, event);
        // A request to join through a domain was decided: the offer is no longer "Requested".
        if (options.domains) void queryClient.invalidateQueries({ queryKey: options.domains.suggestedKey });
      } else if (event.type === 'workspace.changed') {
        // A workspace you own (as no admin, so no org event says how): its page and the list refetch.
        if (options.governance)
          invalidateWorkspace(queryClient, options.governance, event.orgId, event.data.workspaceId);
      } else if (options.invitations) applyMyInvitationEvent(queryClient, options.invitations.myInvitationsKey, event);
      return;
    }
    if (event.type === 'access.requested') options.onAccessRequested?.(event);
    if (event.type === 'webhook.disabled') options.onWebhookDisabled?.(event);
    // Settings and workspaces pages hold no members list, yet they take the org's events too.
    if (tracker.onEvent(event.orgId, event.seq) || options.governance) batcher.push(event);
  };
  const onAccessChanged = (event: AccessChangedEvent) => {
    const news = lifecycleNews.get(event.orgId);
    lifecycleNews.delete(event.orgId);
    // A deletion takes your access, a restore gives it back: other news is not this change's cause.
    const cause = news && (news.type === 'org.deleted') === (event.data.role === null) ? news : undefined;
    if (event.data.role !== 'ADMIN') tracker.forget(event.orgId);
    void queryClient.invalidateQueries({ queryKey: options.meKey });
    // Refetched with the new role: a demoted admin's page turns into "Access restricted".
    void queryClient.invalidateQueries({ queryKey: options.membersListsKey(event.orgId) });
    if (options.governance) invalidateGovernance(queryClient, options.governance, event.orgId);
    options.onAccessChanged?.(event, cause);
  };
  const onHeartbeat = (raw: unknown) => {
    const parsed = HeartbeatSchema.safeParse(raw);
    if (parsed.success) tracker.onHeartbeat(parsed.data.orgId, parsed.data.headSeq);
  };
  let connectedBefore = false;
  const onConnect = () => {
    const afterReconnect = connectedBefore;
    connectedBefore = true;
    // Every connection is a fresh socket (the server replays nothing it sent while we were
    // away): org events come back through sync, personal news has no log, so refetch it.
    if (afterReconnect) refetchPersonal();
    void tracker.resyncAll().then(() => socket.connected && options.onSynced?.(afterReconnect));
  };
  const refetchPersonal = () => {
    void queryClient.invalidateQueries({ queryKey: options.meKey });
    if (options.invitations) void queryClient.invalidateQueries({ queryKey: options.invitations.myInvitationsKey });
    if (options.governance) {
      void queryClient.invalidateQueries({ queryKey: options.governance.myInviteRequestsKey });
      // A workspace's owners hear of its changes with no seq to resume from.
      invalidateAllWorkspaces(queryClient, options.governance);
    }
  };
  const stopWatchingLists = watchListSeqs(queryClient, options, (orgId, seq) => tracker.onListSeq(orgId, seq));
  // Invitations pages carry their `seq` too; the watcher only needs to read their keys.
  const stopWatchingInvitations = options.invitations
    ? watchListSeqs(
        queryClient,
        {
          membersListsKey: options.invitations.invitationListsKey,
          parseMembersListKey: (key) => {
            const list = options.invitations?.parseInvitationListKey(key);
            return list ? { orgId: list.orgId, filter: {} } : null;
          },
        },
        (orgId, seq) => tracker.onListSeq(orgId, seq),
      )
    : () => {};

  socket.on(socketEvents.event, onEvent);
  socket.on(socketEvents.heartbeat, onHeartbeat);
  socket.on('connect', onConnect);
  if (socket.connected) onConnect();
  return () => {
    socket.off(socketEvents.event, onEvent);
    socket.off(socketEvents.heartbeat, onHeartbeat);
    socket.off('connect', onConnect);
    stopWatchingLists();
    stopWatchingInvitations();
    batcher.stop();
    pendingCounts.stop();
  };
}
