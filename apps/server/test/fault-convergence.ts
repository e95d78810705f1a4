import type { Db } from '../src/db/connect.ts';
import type { LiveView, Roles } from './live-view.ts';

interface RoleEvent {
  seq: number;
  userId: string;
  role: string;
  version: number;
}

/** The org's role changes from the event log, to rebuild what the roster was at any seq. */
export async function roleEvents(db: Db, orgId: string): Promise<RoleEvent[]> {
  const rows = await db
    .selectFrom('events')
    .select(['seq', 'type', 'data'])
    .where('org_id', '=', orgId)
    .where('seq', 'is not', null)
    .orderBy('seq')
    .execute();
  return rows
    .filter((r) => r.type === 'member.role_changed')
    .map((r) => {
      const { member } = r.data as { member: { userId: string; role: string; version: number } };
      return { seq: r.seq!, userId: member.userId, role: member.role, version: member.version };
    });
}

/** The roster as the database had it right after `seq`. */
export function rosterAt(initial: Roles, events: RoleEvent[], seq: number): Roles {
  const roster: Roles = new Map(initial);
  for (const e of events) if (e.seq <= seq) roster.set(e.userId, { role: e.role, version: e.version });
  return roster;
}

export function sameRoster(a: Roles, b: Roles): boolean {
  if (a.size !== b.size) return false;
  for (const [id, m] of a) {
    const other = b.get(id);
    if (!other || other.role !== m.role || other.version !== m.version) return false;
  }
  return true;
}

/**
 * Waits until every view, connected, has caught up past `head` (the database's seq when the
 * fault ended: so it holds a change committed after the fault) with exactly the roster the
 * database had at the seq it reached. The driver keeps changing roles meanwhile, so "the
 * database state" is the one at the view's own seq.
 * Returns when the slowest view got there, and the views that did not make it by the deadline.
 */
export async function waitForConvergence(
  db: Db,
  orgId: string,
  initial: Roles,
  views: LiveView[],
  head: number,
  deadline: number,
): Promise<{ lagging: string[]; slowestAt: number }> {
  const done = new Set<number>();
  let slowestAt = 0;
  for (;;) {
    const events = await roleEvents(db, orgId).catch(() => null);
    const known = events?.length ? events.at(-1)!.seq : 0;
    if (events) {
      views.forEach((view, i) => {
        const seq = view.lastSeq();
        if (done.has(i) || !view.socket.connected || seq === undefined || seq <= head || seq > known) return;
        if (!sameRoster(view.members, rosterAt(initial, events, seq))) return;
        done.add(i);
        slowestAt = Date.now();
      });
    }
    if (done.size === views.length) return { lagging: [], slowestAt };
    if (Date.now() > deadline) {
      const lagging = views
        .map((view, i) => ({ view, i }))
        .filter(({ i }) => !done.has(i))
        .map(
          ({ view, i }) => `client ${i}: seq ${view.lastSeq()}, needs > ${head}, connected ${view.socket.connected}`,
        );
      return { lagging, slowestAt };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
