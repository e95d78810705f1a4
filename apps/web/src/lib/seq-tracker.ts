import type { OrgEvent, SyncAck } from '@roster/contracts';

export interface SeqTrackerDeps {
  /** Sends `roster:sync`; resolves undefined when no usable answer came (timeout, bad ack). */
  requestSync(orgId: string, since: number): Promise<SyncAck | undefined>;
  apply(events: OrgEvent[]): void;
  /** The org's lists must be refetched: the gap is too old to replay, or access to them was lost. */
  reset(orgId: string): void;
}

/**
 * Knows, per org, the last `seq` the cache reflects, and asks for what is missing: after a gap,
 * a heartbeat ahead of us, a reconnect, or a list page fetched at another point in time.
 * One sync per org at a time; requests arriving meanwhile run once it is answered.
 */
export function createSeqTracker(deps: SeqTrackerDeps) {
  const last = new Map<string, number>();
  const inflight = new Map<string, Promise<void>>();
  const pending = new Map<string, number>();

  function sync(orgId: string, since: number): Promise<void> {
    const running = inflight.get(orgId);
    if (running) {
      pending.set(orgId, Math.min(pending.get(orgId) ?? since, since));
      return running;
    }
    const run = (async () => {
      let from: number | undefined = since;
      while (from !== undefined && last.has(orgId)) {
        pending.delete(orgId);
        handleAck(orgId, await deps.requestSync(orgId, from));
        from = pending.get(orgId);
      }
    })().finally(() => inflight.delete(orgId));
    inflight.set(orgId, run);
    return run;
  }

  function handleAck(orgId: string, ack: SyncAck | undefined) {
    // Forgotten meanwhile (access lost), or no answer: the next heartbeat will ask again.
    if (!ack || !last.has(orgId)) return;
    if ('error' in ack) {
      if (ack.error.code !== 'FORBIDDEN' && ack.error.code !== 'NOT_FOUND') return;
      // Access was lost while we were away (nothing replays the personal news that said so):
      // refetch, so the page shows what this person may see now instead of a stale admin view.
      last.delete(orgId);
      deps.reset(orgId);
      return;
    }
    if ('reset' in ack) {
      last.set(orgId, ack.headSeq);
      deps.reset(orgId);
      return;
    }
    deps.apply(ack.events);
    last.set(orgId, Math.max(last.get(orgId) ?? 0, ack.headSeq));
  }

  return {
    /** Whether a live event should be applied; a gap triggers a sync of what lies between. */
    onEvent(orgId: string, seq: number): boolean {
      const seen = last.get(orgId);
      // No list of this org is cached: its first fetch will reflect the event anyway.
      if (seen === undefined) return false;
      if (seq > seen + 1) void sync(orgId, seen);
      else if (seq === seen + 1) last.set(orgId, seq);
      return true;
    },
    onHeartbeat(orgId: string, headSeq: number) {
      const seen = last.get(orgId);
      if (seen !== undefined && headSeq > seen) void sync(orgId, seen);
    },
    /** A list page arrived reflecting `seq`; replay whatever lies between it and the cache. */
    onListSeq(orgId: string, seq: number) {
      const seen = last.get(orgId);
      if (seen === undefined) last.set(orgId, seq);
      else if (seq !== seen) void sync(orgId, Math.min(seq, seen));
    },
    resyncAll(): Promise<void> {
      return Promise.all([...last].map(([orgId, seen]) => sync(orgId, seen))).then(() => undefined);
    },
    forget(orgId: string) {
      last.delete(orgId);
      pending.delete(orgId);
    },
    lastSeq: (orgId: string) => last.get(orgId),
  };
}

export type SeqTracker = ReturnType<typeof createSeqTracker>;
