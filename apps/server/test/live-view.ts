import { io as connect, type Socket } from 'socket.io-client';
import { socketEvents, socketReconnection, type OrgEvent, type SyncAck } from '@roster/contracts';
// The web client's own seq bookkeeping (gaps, heartbeats, reconnects), so the view below is
// built exactly as an admin's browser builds it.
import { createSeqTracker } from '../../web/src/lib/seq-tracker.ts';

export type Roles = Map<string, { role: string; version: number }>;

/**
 * One admin's members page over a real socket: the first list page, then live events and
 * `roster:sync` answers folded in as the web client does (newest version wins).
 */
export interface LiveView {
  socket: Socket;
  members: Roles;
  lastSeq(): number | undefined;
  /** `roster:sync` requests sent: after (re)connects, gaps and heartbeats ahead. */
  syncs(): number;
  /** Times the connection dropped (and was rebuilt, possibly on another server). */
  drops(): number;
  close(): void;
}

export async function openLiveView(baseUrl: string, cookie: string, orgId: string): Promise<LiveView> {
  const members: Roles = new Map();
  // Reconnects as the app's tabs do.
  const socket = connect(baseUrl, {
    transports: ['websocket'],
    extraHeaders: { cookie, origin: baseUrl },
    ...socketReconnection,
  });
  const apply = (events: OrgEvent[]) => {
    for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
      if (event.type === 'member.role_changed' || event.type === 'member.joined') {
        const { userId, role, version } = event.data.member;
        if ((members.get(userId)?.version ?? 0) <= version) members.set(userId, { role, version });
      }
      if (event.type === 'member.removed' || event.type === 'member.left') members.delete(event.data.userId);
    }
  };
  const fetchList = async () => {
    const response = await fetch(`${baseUrl}/api/orgs/${orgId}/members?limit=200`, {
      headers: { cookie, origin: baseUrl },
    });
    if (!response.ok) throw new Error(`members list answered ${response.status}`);
    const page = (await response.json()) as {
      items: Array<{ userId: string; role: string; version: number }>;
      seq: number;
    };
    members.clear();
    for (const m of page.items) members.set(m.userId, { role: m.role, version: m.version });
    return page.seq;
  };
  let syncs = 0;
  const tracker = createSeqTracker({
    requestSync(org, since) {
      syncs++;
      return new Promise<SyncAck | undefined>((resolve) => {
        const timer = setTimeout(() => resolve(undefined), 10_000);
        socket.emit(socketEvents.sync, { orgId: org, since }, (ack: SyncAck) => {
          clearTimeout(timer);
          resolve(ack);
        });
      });
    },
    apply,
    // Told to refetch (too far behind): the list is read again and the tracker fills the gap.
    reset: () =>
      void fetchList().then(
        (seq) => tracker.onListSeq(orgId, seq),
        () => undefined,
      ),
  });
  socket.on(socketEvents.event, (event: OrgEvent) => {
    if (event.seq !== null && tracker.onEvent(event.orgId, event.seq)) apply([event]);
  });
  socket.on(socketEvents.heartbeat, (beat: { orgId: string; headSeq: number }) =>
    tracker.onHeartbeat(beat.orgId, beat.headSeq),
  );
  socket.on('connect', () => void tracker.resyncAll());
  // As the web client: Socket.IO does not retry after a server-side disconnect on its own.
  let drops = 0;
  socket.on('disconnect', (reason) => {
    drops++;
    if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 1_000);
  });
  tracker.onListSeq(orgId, await fetchList());
  return {
    socket,
    members,
    lastSeq: () => tracker.lastSeq(orgId),
    syncs: () => syncs,
    drops: () => drops,
    close: () => socket.disconnect(),
  };
}
