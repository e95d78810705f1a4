import { SYNC_WINDOW, type OrgEvent, type OrgRole } from '@roster/contracts';
import type { SessionUser } from '../../auth/auth.ts';
import type { Db } from '../../db/connect.ts';
import type { Lane } from '../../lib/lane.ts';
import { assertCanManageMembers } from '../members/members.policy.ts';
import { twoFactorRequired } from '../orgs/two-factor-requirement.ts';
import type { EventTail } from './event-tail.ts';
import type { CatchUp } from './events.service.ts';
import { eventsSince } from './events.repository.ts';
import { twoFactorLocked } from '../orgs/two-factor-sql.ts';

/** `catchUp` for sockets, answered in batches: what a reconnect storm costs is a few reads per org. */
export interface CoalescedCatchUp {
  /**
   * Call only once the asker's socket sits in the org's rooms: the batch it joins reads the
   * head after that, so every later event reaches the socket live and none falls between.
   */
  catchUp(user: SessionUser, orgId: string, since: number): Promise<CatchUp>;
}

interface Asker {
  userId: string;
  since: number;
  resolve(result: CatchUp): void;
  reject(error: unknown): void;
}

interface Gate {
  role: OrgRole;
  locked: boolean;
  headSeq: number;
}

/**
 * Askers of one org that arrive while its previous batch is being read wait for the next one;
 * that batch reads everyone's access and the head in one query, then serves each `since` from
 * the tail, or all of those the tail cannot prove from one events read. Batches run in `lane`.
 */
export function coalescedCatchUp(db: Db, tail: EventTail, lane: Lane): CoalescedCatchUp {
  const queued = new Map<string, Asker[]>();
  const reading = new Set<string>();

  function next(orgId: string) {
    const askers = queued.get(orgId);
    if (reading.has(orgId) || !askers) return;
    queued.delete(orgId);
    reading.add(orgId);
    lane
      .run(() => serve(db, tail, orgId, askers))
      .catch((error: unknown) => askers.forEach((asker) => asker.reject(error)))
      .finally(() => {
        reading.delete(orgId);
        next(orgId);
      });
  }

  return {
    catchUp(user, orgId, since) {
      return new Promise((resolve, reject) => {
        const askers = queued.get(orgId);
        if (askers) return void askers.push({ userId: user.id, since, resolve, reject });
        queued.set(orgId, [{ userId: user.id, since, resolve, reject }]);
        // One turn of the event loop gathers the syncs that arrived together.
        setImmediate(() => next(orgId));
      });
    },
  };
}

async function serve(db: Db, tail: EventTail, orgId: string, askers: Asker[]) {
  const gates = await readGates(db, orgId, [...new Set(askers.map((a) => a.userId))]);
  const pending: { asker: Asker; headSeq: number }[] = [];
  for (const asker of askers) {
    const gate = gates.get(asker.userId);
    try {
      // The same checks, in the same order, as `catchUp`: per person, never shared.
      assertCanManageMembers(gate?.role ?? null);
      if (gate!.locked) throw twoFactorRequired(orgId);
    } catch (error) {
      asker.reject(error);
      continue;
    }
    const { headSeq } = gate!;
    const { since } = asker;
    if (since > headSeq || headSeq - since > SYNC_WINDOW) asker.resolve({ reset: true, headSeq });
    else if (since === headSeq) asker.resolve({ events: [], headSeq });
    else {
      const events = tail.read(orgId, since, headSeq);
      if (events) asker.resolve(replay(events, headSeq));
      else pending.push({ asker, headSeq });
    }
  }
  if (pending.length === 0) return;
  // Read after the head above, so it holds every event through that head that still exists.
  const from = Math.min(...pending.map((p) => p.asker.since));
  const fetched = await eventsSince(db, orgId, from);
  if (gapFree(fetched)) tail.remember(orgId, fetched);
  for (const { asker, headSeq } of pending) {
    const events = fetched.filter((event) => event.seq > asker.since);
    // Audit retention may have deleted what the client missed: a replay with a hole is a reset.
    if (events[0]?.seq !== asker.since + 1) asker.resolve({ reset: true, headSeq });
    else asker.resolve(replay(events, headSeq));
  }
}

/** Events committed after the head was read are included: the client skips nothing by it. */
function replay(events: OrgEvent[], headSeq: number): CatchUp {
  return { events, headSeq: Math.max(headSeq, events.at(-1)?.seq ?? 0) };
}

function gapFree(events: OrgEvent[]): boolean {
  return events.every((event, i) => i === 0 || event.seq === events[i - 1]!.seq + 1);
}

/** Each asker's role and two-factor lock in an active org, and the org's head seq, in one read. */
async function readGates(db: Db, orgId: string, userIds: string[]): Promise<Map<string, Gate>> {
  const rows = await db
    .selectFrom('organizations as o')
    .innerJoin('org_members as m', (join) => join.onRef('m.org_id', '=', 'o.id').on('m.user_id', 'in', userIds))
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'm.role', 'o.event_seq', twoFactorLocked.as('locked')])
    .where('o.id', '=', orgId)
    .where('o.status', '=', 'active')
    .execute();
  return new Map(rows.map((r) => [r.user_id, { role: r.role, locked: r.locked, headSeq: Number(r.event_seq) }]));
}
