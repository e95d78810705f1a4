import type { OrgEvent } from '@roster/contracts';

/**
 * The newest committed events of each org, in memory, so a reconnecting tab's catch-up costs
 * no database read. Only a cache: it holds one gap-free run of seqs per org and answers only
 * when that run provably covers what was asked (from `since + 1` through a head read from the
 * database after the asker joined its room); otherwise the caller reads the database.
 */
export interface EventTail {
  /** Committed events, as published here or told by another process; any order, duplicates ignored. */
  record(events: readonly OrgEvent[]): void;
  /** A database read of the org's events after some seq, gap-free from its first: merged in when it joins the run. */
  remember(orgId: string, run: readonly OrgEvent[]): void;
  /** The org's events after `since`, through at least `headSeq`; undefined when the tail cannot prove it holds them. */
  read(orgId: string, since: number, headSeq: number): OrgEvent[] | undefined;
}

export interface EventTailLimits {
  /** Events kept per org: a client further behind reads the database. */
  perOrg?: number;
  /** Orgs kept; the least recently changed is dropped first. */
  orgs?: number;
  /**
   * Events kept across all orgs: every process hears every org's events over Redis, and a role
   * change carries a whole member, so the org count alone would let the tail grow to hundreds
   * of MiB. The least recently changed orgs go first.
   */
  events?: number;
}

export function createEventTail(limits: EventTailLimits = {}): EventTail {
  const perOrg = limits.perOrg ?? 256;
  const maxOrgs = limits.orgs ?? 2_000;
  const maxEvents = limits.events ?? 20_000;
  const runs = new Map<string, OrgEvent[]>();
  let held = 0;

  function drop(orgId: string) {
    held -= runs.get(orgId)?.length ?? 0;
    runs.delete(orgId);
  }

  function keep(orgId: string, run: OrgEvent[]) {
    if (run.length > perOrg) run.splice(0, run.length - perOrg);
    // Re-inserted last: the Map's order is the eviction order.
    drop(orgId);
    runs.set(orgId, run);
    held += run.length;
    while (runs.size > 1 && (runs.size > maxOrgs || held > maxEvents)) drop(runs.keys().next().value!);
  }

  function add(event: OrgEvent) {
    const run = runs.get(event.orgId);
    if (!run || run.length === 0) return keep(event.orgId, [event]);
    const first = run[0]!.seq;
    const last = run.at(-1)!.seq;
    if (event.seq === last + 1) return keep(event.orgId, [...run, event]);
    if (event.seq === first - 1 && run.length < perOrg) return keep(event.orgId, [event, ...run]);
    // A later event across a gap (a broadcast this process never heard): the old run can no
    // longer be extended, and a newer one serves the clients most likely to ask.
    if (event.seq > last + 1) keep(event.orgId, [event]);
  }

  return {
    record(events) {
      for (const event of events) add(event);
    },
    remember(orgId, fetched) {
      if (fetched.length === 0) return;
      const run = runs.get(orgId);
      if (!run || run.length === 0) return keep(orgId, [...fetched]);
      const [first, last] = [run[0]!.seq, run.at(-1)!.seq];
      const [from, to] = [fetched[0]!.seq, fetched.at(-1)!.seq];
      if (from > last + 1) return keep(orgId, [...fetched]);
      if (to < first - 1) return;
      // Overlapping or adjacent runs of one immutable log: their union is gap-free.
      const before = fetched.filter((e) => e.seq < first);
      const after = fetched.filter((e) => e.seq > last);
      keep(orgId, [...before, ...run, ...after]);
    },
    read(orgId, since, headSeq) {
      const run = runs.get(orgId);
      if (!run || run.length === 0) return undefined;
      const first = run[0]!.seq;
      if (since + 1 < first || run.at(-1)!.seq < headSeq) return undefined;
      return run.slice(Math.max(0, since + 1 - first));
    },
  };
}
