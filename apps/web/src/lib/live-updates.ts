import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { HeartbeatSchema, RosterEventSchema, socketEvents, type OrgEvent, type PersonalEvent } from '@roster/contracts';
import { createFrameBatcher, type FrameScheduler } from './frame-batcher.ts';
import { applyMemberEvents, type AppliedChange, type MembersCache } from './live-member-cache.ts';
import { requestSync, watchListSeqs } from './live-sync.ts';
import { createSeqTracker } from './seq-tracker.ts';

export type AccessChangedEvent = Extract<PersonalEvent, { type: 'access.changed' }>;

// Listener arguments are `any` because that is what Socket.IO's untyped events declare.
type Listener = (...args: any[]) => void;

/** The slice of a socket.io client socket this module uses, so tests can hand in a fake. */
export interface LiveSocket {
  readonly connected: boolean;
  on(event: string, listener: Listener): unknown;
  off(event: string, listener: Listener): unknown;
  emit(event: string, ...args: unknown[]): unknown;
}

export interface LiveUpdatesOptions extends MembersCache {
  socket: LiveSocket;
  queryClient: QueryClient;
  meKey: QueryKey;
  /** Your own role changed in an org (null: you were removed); the app decides where to go. */
  onAccessChanged?: (event: AccessChangedEvent) => void;
  /** Rows a live event just changed (with who did it), for a brief highlight. */
  onMembersChanged?: (orgId: string, changes: AppliedChange[]) => void;
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
  const batcher = createFrameBatcher<OrgEvent>((events) => {
    for (const [orgId, changes] of applyMemberEvents(queryClient, options, events)) {
      options.onMembersChanged?.(orgId, changes);
    }
  }, options.schedule);
  const tracker = createSeqTracker({
    requestSync: (orgId, since) => requestSync(socket, { orgId, since }, options.syncTimeoutMs ?? 10_000),
    apply: (events) => events.forEach((event) => batcher.push(event)),
    reset: (orgId) => void queryClient.invalidateQueries({ queryKey: options.membersListsKey(orgId) }),
  });

  const onEvent = (raw: unknown) => {
    const parsed = RosterEventSchema.safeParse(raw);
    if (!parsed.success) return;
    const event = parsed.data;
    if (event.seq === null) {
      // Other personal events (invitations) belong to features that do not exist here yet.
      if (event.type === 'access.changed') onAccessChanged(event);
      return;
    }
    if (tracker.onEvent(event.orgId, event.seq)) batcher.push(event);
  };
  const onAccessChanged = (event: AccessChangedEvent) => {
    if (event.data.role !== 'ADMIN') tracker.forget(event.orgId);
    void queryClient.invalidateQueries({ queryKey: options.meKey });
    // Refetched with the new role: a demoted admin's page turns into "Access restricted".
    void queryClient.invalidateQueries({ queryKey: options.membersListsKey(event.orgId) });
    options.onAccessChanged?.(event);
  };
  const onHeartbeat = (raw: unknown) => {
    const parsed = HeartbeatSchema.safeParse(raw);
    if (parsed.success) tracker.onHeartbeat(parsed.data.orgId, parsed.data.headSeq);
  };
  let connectedBefore = false;
  const onConnect = () => {
    const afterReconnect = connectedBefore;
    connectedBefore = true;
    void tracker.resyncAll().then(() => socket.connected && options.onSynced?.(afterReconnect));
  };
  const stopWatchingLists = watchListSeqs(queryClient, options, tracker.onListSeq);

  socket.on(socketEvents.event, onEvent);
  socket.on(socketEvents.heartbeat, onHeartbeat);
  socket.on('connect', onConnect);
  if (socket.connected) onConnect();
  return () => {
    socket.off(socketEvents.event, onEvent);
    socket.off(socketEvents.heartbeat, onHeartbeat);
    socket.off('connect', onConnect);
    stopWatchingLists();
    batcher.stop();
  };
}
