import {
  PRESENCE_LEAVE_GRACE_MS,
  PRESENCE_UPDATES_PER_SECOND,
  PresenceUpdateSchema,
  presenceEvents,
  type PresenceChanges,
  type PresenceEditing,
  type PresencePerson,
  type PresenceState,
  type PresenceView,
} from '@roster/contracts';
import { createTokenBucket, type TokenBucket } from '../../lib/token-bucket.ts';

/** One tab on one page of an org. */
export interface PresenceEntry {
  socketId: string;
  userId: string;
  name: string;
  orgId: string;
  view: PresenceView;
  editing: PresenceEditing;
  away: boolean;
  /** When it last changed (ms): of a person's tabs, the newest edit is the one shown. */
  at: number;
}

/** What the hub sends to a page's viewers. */
export type PresenceMessage =
  | { event: typeof presenceEvents.state; payload: PresenceState }
  | { event: typeof presenceEvents.changes; payload: PresenceChanges };

/** Who a socket belongs to. */
export interface PresenceSocket {
  id: string;
  userId: string;
  name: string;
}

/** What the hub needs of the live transport (Socket.IO, or mock mode's bridge). */
export interface PresenceTransport {
  /** Whether the socket may open the page now: its rooms follow its current role. */
  mayView(socketId: string, orgId: string, view: PresenceView): boolean;
  /** Delivers a page's state (to arrivals) or its changes (to the others) to these sockets of this process. */
  send(socketIds: string[], message: PresenceMessage): void;
}

/**
 * What processes tell each other (ADR 29): each process owns the entries of its own sockets and
 * sends their changes; a beat says it is alive, a hello asks every process for all it holds.
 */
export type PresenceGossip =
  | { kind: 'changes'; node: string; upsert: PresenceEntry[]; remove: string[] }
  | { kind: 'snapshot'; node: string; entries: PresenceEntry[] }
  | { kind: 'beat'; node: string; count: number }
  | { kind: 'hello'; node: string };

export interface PresenceHubOptions {
  transport: PresenceTransport;
  /** Other processes, when there are any (the Redis adapter). */
  publish?: (message: PresenceGossip) => void;
  node?: string;
  /** Changes within this window go out as one state per page. */
  flushMs?: number;
  leaveGraceMs?: number;
  beatMs?: number;
  /** A process not heard from for this long is gone, and its people with it. */
  deadAfterMs?: number;
  now?: () => number;
}

export interface PresenceHub {
  /** A socket's `presence:update`; invalid, forbidden or too frequent ones change nothing now. */
  update(socket: PresenceSocket, payload: unknown): void;
  /** The socket closed: its person stays listed for the grace period (a reload keeps them). */
  disconnect(socketId: string): void;
  /** The socket's rooms changed (a role went): drop its entry if it may no longer see the page. */
  recheck(socketId: string): void;
  /** A message from another process. */
  receive(message: PresenceGossip): void;
  close(): void;
}

interface Throttled {
  bucket: TokenBucket;
  pending?: unknown;
  timer?: NodeJS.Timeout;
}

const viewKey = (orgId: string, view: string) => `${orgId}\u0000${view}`;

/**
 * Who is on which admin page, for this process's sockets and (through gossip) everyone else's.
 * A page's viewers get its state within `flushMs` of any change, and only when it changed.
 */
export function createPresenceHub(options: PresenceHubOptions): PresenceHub {
  const { transport } = options;
  const now = options.now ?? Date.now;
  const node = options.node ?? crypto.randomUUID();
  const flushMs = options.flushMs ?? 5;
  const leaveGraceMs = options.leaveGraceMs ?? PRESENCE_LEAVE_GRACE_MS;
  const local = new Map<string, PresenceEntry>();
  const remote = new Map<string, { seenAt: number; entries: Map<string, PresenceEntry> }>();
  const buckets = new Map<string, Throttled>();
  const leaving = new Map<string, NodeJS.Timeout>();
  const lastSent = new Map<string, Map<string, string>>();
  const dirty = new Map<string, { orgId: string; view: PresenceView; newcomers: Set<string> }>();
  let flushTimer: NodeJS.Timeout | undefined;

  const markDirty = (orgId: string, view: PresenceView, newcomer?: string) => {
    const key = viewKey(orgId, view);
    const entry = dirty.get(key) ?? { orgId, view, newcomers: new Set<string>() };
    if (newcomer) entry.newcomers.add(newcomer);
    dirty.set(key, entry);
    flushTimer ??= setTimeout(flush, flushMs);
  };

  function flush() {
    flushTimer = undefined;
    const pages = [...dirty.values()];
    dirty.clear();
    for (const { orgId, view, newcomers } of pages) {
      const key = viewKey(orgId, view);
      const viewers = [...local.values()].filter(
        (e) => e.orgId === orgId && e.view === view && !leaving.has(e.socketId),
      );
      if (viewers.length === 0) {
        lastSent.delete(key);
        continue;
      }
      const people = peopleOn(orgId, view);
      const current = new Map(people.map((p) => [p.userId, JSON.stringify(p)]));
      // What the page's viewers were told last: arrivals get the whole page, the others what changed.
      const told = lastSent.get(key) ?? new Map<string, string>();
      lastSent.set(key, current);
      const arrived = new Set(viewers.filter((e) => newcomers.has(e.socketId) || !told.size).map((e) => e.socketId));
      const staying = viewers.filter((e) => !arrived.has(e.socketId)).map((e) => e.socketId);
      if (arrived.size) transport.send([...arrived], { event: presenceEvents.state, payload: { orgId, view, people } });
      const changed = people.filter((p) => told.get(p.userId) !== current.get(p.userId));
      const left = [...told.keys()].filter((userId) => !current.has(userId));
      if (staying.length && (changed.length || left.length)) {
        transport.send(staying, { event: presenceEvents.changes, payload: { orgId, view, people: changed, left } });
      }
    }
  }

  function peopleOn(orgId: string, view: PresenceView): PresencePerson[] {
    const byUser = new Map<string, PresenceEntry[]>();
    const all = [local.values(), ...[...remote.values()].map((r) => r.entries.values())];
    for (const entries of all) {
      for (const e of entries) {
        if (e.orgId !== orgId || e.view !== view) continue;
        byUser.set(e.userId, [...(byUser.get(e.userId) ?? []), e]);
      }
    }
    return [...byUser.values()]
      .map((tabs) => {
        const newest = tabs.reduce((a, b) => (b.at > a.at ? b : a));
        const editing = tabs.filter((t) => t.editing).sort((a, b) => b.at - a.at)[0]?.editing ?? null;
        return { userId: newest.userId, name: newest.name, editing, away: tabs.every((t) => t.away) };
      })
      .sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
  }

  function setLocal(entry: PresenceEntry | null, socketId: string) {
    const before = local.get(socketId);
    if (before) markDirty(before.orgId, before.view);
    if (entry) {
      local.set(socketId, entry);
      const moved = !before || before.orgId !== entry.orgId || before.view !== entry.view;
      markDirty(entry.orgId, entry.view, moved ? socketId : undefined);
    } else local.delete(socketId);
    if (!before && !entry) return;
    options.publish?.(
      entry
        ? { kind: 'changes', node, upsert: [entry], remove: [] }
        : { kind: 'changes', node, upsert: [], remove: [socketId] },
    );
  }

  function apply(socket: PresenceSocket, payload: unknown) {
    const parsed = PresenceUpdateSchema.safeParse(payload);
    if (!parsed.success) return;
    const { orgId, view, editing, away } = parsed.data;
    // A page the socket may not open: it is listed to no one and told nothing.
    if (view === null || !transport.mayView(socket.id, orgId, view)) return setLocal(null, socket.id);
    const before = local.get(socket.id);
    const same =
      before?.orgId === orgId &&
      before.view === view &&
      before.away === away &&
      JSON.stringify(before.editing) === JSON.stringify(editing);
    if (same) return;
    setLocal(
      { socketId: socket.id, userId: socket.userId, name: socket.name, orgId, view, editing, away, at: now() },
      socket.id,
    );
  }

  /** Over the limit, the latest update waits for the next token: the last word still counts. */
  function applyWhenAllowed(socket: PresenceSocket, throttled: Throttled) {
    throttled.timer = undefined;
    if (leaving.has(socket.id) || !buckets.has(socket.id)) return;
    if (throttled.bucket.take()) return apply(socket, throttled.pending);
    throttled.timer = setTimeout(() => applyWhenAllowed(socket, throttled), throttled.bucket.msUntilNext());
  }

  function forget(socketId: string) {
    const throttled = buckets.get(socketId);
    if (throttled?.timer) clearTimeout(throttled.timer);
    buckets.delete(socketId);
    leaving.delete(socketId);
    setLocal(null, socketId);
  }

  function dropDeadNodes() {
    for (const [id, other] of remote) {
      if (now() - other.seenAt < (options.deadAfterMs ?? 5_000)) continue;
      remote.delete(id);
      for (const e of other.entries.values()) markDirty(e.orgId, e.view);
    }
  }

  const beat = options.publish
    ? setInterval(() => {
        options.publish!({ kind: 'beat', node, count: local.size });
        dropDeadNodes();
      }, options.beatMs ?? 1_000)
    : undefined;
  beat?.unref?.();
  options.publish?.({ kind: 'hello', node });

  return {
    update(socket, payload) {
      if (leaving.has(socket.id)) return;
      let throttled = buckets.get(socket.id);
      if (!throttled) {
        throttled = { bucket: createTokenBucket(PRESENCE_UPDATES_PER_SECOND, PRESENCE_UPDATES_PER_SECOND, now) };
        buckets.set(socket.id, throttled);
      }
      throttled.pending = payload;
      if (!throttled.timer) applyWhenAllowed(socket, throttled);
    },
    disconnect(socketId) {
      if (!local.has(socketId)) return forget(socketId);
      const timer = setTimeout(() => forget(socketId), leaveGraceMs);
      timer.unref?.();
      leaving.set(socketId, timer);
    },
    recheck(socketId) {
      const entry = local.get(socketId);
      if (!entry || leaving.has(socketId)) return;
      if (!transport.mayView(socketId, entry.orgId, entry.view)) setLocal(null, socketId);
    },
    receive(message) {
      if (message.node === node) return;
      if (message.kind === 'hello') {
        options.publish?.({ kind: 'snapshot', node, entries: [...local.values()] });
        return;
      }
      let other = remote.get(message.node);
      if (!other) {
        other = { seenAt: now(), entries: new Map() };
        remote.set(message.node, other);
        // A process heard of for the first time (or again after it was given up): ask for all it has.
        if (message.kind !== 'snapshot') options.publish?.({ kind: 'hello', node });
      }
      other.seenAt = now();
      if (message.kind === 'beat') {
        if (message.count !== other.entries.size) options.publish?.({ kind: 'hello', node });
        return;
      }
      const replaced = message.kind === 'snapshot' ? [...other.entries.keys()] : message.remove;
      for (const socketId of replaced) {
        const gone = other.entries.get(socketId);
        if (gone) markDirty(gone.orgId, gone.view);
        other.entries.delete(socketId);
      }
      const upsert = message.kind === 'snapshot' ? message.entries : message.upsert;
      for (const entry of upsert) {
        const before = other.entries.get(entry.socketId);
        if (before) markDirty(before.orgId, before.view);
        other.entries.set(entry.socketId, entry);
        markDirty(entry.orgId, entry.view);
      }
    },
    close() {
      if (beat) clearInterval(beat);
      if (flushTimer) clearTimeout(flushTimer);
      leaving.forEach((timer) => clearTimeout(timer));
      buckets.forEach((b) => b.timer && clearTimeout(b.timer));
    },
  };
}
