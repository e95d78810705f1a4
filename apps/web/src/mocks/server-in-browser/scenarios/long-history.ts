import type { World } from './world.ts';

const DAY = 86_400_000;
/** How far back the history reaches, and how close to now it stops (live changes come after). */
const SPAN_DAYS = 200;
const QUIET_MS = 20 * 60_000;
const INVITATIONS = 1_100;

type Role = 'ADMIN' | 'MEMBER' | 'EXTERNAL';

interface Person {
  user_id: string;
  name: string;
  email: string;
  role: Role;
  lite: boolean;
}

/** One row of the log as the server writes it, with the fields a history needs. */
interface HistoricEntry {
  type: string;
  actor_id: string;
  actor_name: string;
  actor_email: string | null;
  target_id: string | null;
  before: unknown;
  after: unknown;
  data: unknown;
  at: number;
}

/**
 * A fixture, not a rule: months of Acme's audit log written in one set-based insert (thousands
 * of changes through the API would take minutes in a tab). Every member joins, and admins change
 * their roles and workspace roles back and forth, invite people and revoke invitations; each
 * person's changes come in pairs, so the history ends where the seed's data stands today. The
 * entries get the org's next seqs in time order, so the live changes that follow continue them.
 */
export async function seedLongHistory(world: World): Promise<void> {
  const started = performance.now();
  const { db } = world.server;
  const people = (await db
    .selectFrom('org_members')
    .select(['user_id', 'name', 'email', 'role', 'lite'])
    .where('org_id', '=', world.orgId)
    .orderBy('email')
    .execute()) as Person[];
  const grants = await db
    .selectFrom('workspace_members')
    .select(['workspace_id', 'user_id', 'role'])
    .where('org_id', '=', world.orgId)
    .execute();

  const random = seededRandom(20_260_101);
  const now = Date.now();
  const start = now - SPAN_DAYS * DAY;
  const end = now - QUIET_MS;
  const between = (from: number, to: number) => from + random() * Math.max(0, to - from);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;

  const founder = people.find((p) => p.email === 'ada@acme.test') ?? people[0]!;
  const admins = people.filter((p) => p.role === 'ADMIN');
  const actorOf = (person: Person) => ({
    actor_id: person.user_id,
    actor_name: person.name,
    actor_email: person.email,
  });
  const snapshot = (person: Person, role: Role = person.role) => ({
    userId: person.user_id,
    name: person.name,
    email: person.email,
    role,
    lite: person.lite,
  });
  const entries: HistoricEntry[] = [];
  const joinedAt = new Map<string, number>();
  const lastChange = new Map<string, { by: string; at: number }>();

  entries.push({
    type: 'org.created',
    ...actorOf(founder),
    target_id: world.orgId,
    before: null,
    after: { name: 'Acme', slug: 'acme' },
    data: { org: { id: world.orgId, name: 'Acme' } },
    at: start,
  });
  for (const person of people) {
    // Admins came first; everyone else joined over the first months.
    const joined =
      person === founder ? start : person.role === 'ADMIN' ? start + DAY : between(start + DAY, start + 120 * DAY);
    joinedAt.set(person.user_id, joined);
    if (person !== founder) {
      entries.push({
        type: 'member.joined',
        ...actorOf(person),
        target_id: person.user_id,
        before: null,
        after: snapshot(person),
        data: { member: snapshot(person) },
        at: joined,
      });
    }
  }

  for (const grant of grants) {
    const person = people.find((p) => p.user_id === grant.user_id);
    if (!person) continue;
    const joined = joinedAt.get(person.user_id)!;
    const added = between(joined, joined + 2 * DAY);
    const admin = pick(admins);
    const member = snapshot(person);
    const placement = (role: string) => ({ workspaceId: grant.workspace_id, role });
    entries.push({
      type: 'workspace.member_added',
      ...actorOf(admin),
      target_id: person.user_id,
      before: null,
      after: placement(grant.role),
      data: { workspaceId: grant.workspace_id, userId: person.user_id, member },
      at: added,
    });
    // Moved to viewer for a while and back, now and then (owners stay; lite seats are viewers at most).
    if (grant.role === 'OWNER' || person.lite) continue;
    const other = grant.role === 'VIEWER' ? 'MEMBER' : 'VIEWER';
    for (const [away, back] of pairsOfTimes(Math.floor(random() * 4), added, end, random)) {
      for (const [at, from, to] of [
        [away, grant.role, other],
        [back, other, grant.role],
      ] as const) {
        const by = pick(admins);
        entries.push({
          type: 'workspace.member_role_changed',
          ...actorOf(by),
          target_id: person.user_id,
          before: placement(from),
          after: placement(to),
          data: { workspaceId: grant.workspace_id, userId: person.user_id, member },
          at,
        });
      }
    }
  }

  // Org roles: promoted for a while and back (externals made members and back), in pairs. The
  // people the live changes play on have the longest histories, several pages each.
  const busiest = new Set(people.filter((p) => p.role === 'MEMBER').slice(0, 2));
  for (const person of people) {
    if (person.role === 'ADMIN') continue;
    const joined = joinedAt.get(person.user_id)!;
    const other: Role = person.role === 'EXTERNAL' ? 'MEMBER' : 'ADMIN';
    const rounds = busiest.has(person) ? 60 : 1 + Math.floor(random() * 8);
    for (const [up, down] of pairsOfTimes(rounds, joined + DAY, end, random)) {
      for (const [at, from, to] of [
        [up, person.role, other],
        [down, other, person.role],
      ] as const) {
        const by = pick(admins);
        entries.push({
          type: 'member.role_changed',
          ...actorOf(by),
          target_id: person.user_id,
          before: { role: from },
          after: { role: to },
          data: { member: snapshot(person, to), before: { role: from } },
          at,
        });
        const previous = lastChange.get(person.user_id);
        if (!previous || previous.at < at) lastChange.set(person.user_id, { by: by.user_id, at });
      }
    }
  }

  // Invitations to people who never joined: most revoked by an admin, some left to expire.
  for (let i = 0; i < INVITATIONS; i++) {
    const id = `inv_history_${i}`;
    const email = `${pick(GUESTS)}.${i}@${pick(DOMAINS)}`;
    const role = random() < 0.85 ? 'MEMBER' : 'EXTERNAL';
    const invitation = { id, email, role };
    const sent = between(start + DAY, end);
    const inviter = pick(admins);
    entries.push({
      type: 'invitation.created',
      ...actorOf(inviter),
      target_id: id,
      before: null,
      after: { ...invitation, status: 'pending' },
      data: { invitation },
      at: sent,
    });
    const outcome = random();
    if (outcome < 0.55) {
      entries.push({
        type: 'invitation.revoked',
        ...actorOf(pick(admins)),
        target_id: id,
        before: { status: 'pending' },
        after: { status: 'revoked' },
        data: { invitation },
        at: between(sent, Math.min(end, sent + 6 * DAY)),
      });
    } else if (outcome < 0.85 && sent + 7 * DAY < end) {
      entries.push({
        type: 'invitation.expired',
        actor_id: 'system',
        actor_name: 'Roster',
        actor_email: null,
        target_id: id,
        before: { status: 'pending' },
        after: { status: 'expired' },
        data: { invitation },
        at: sent + 7 * DAY,
      });
    }
  }

  entries.sort((a, b) => a.at - b.at);
  const rows = entries.map((entry, i) => ({ ...entry, n: i + 1, at: new Date(entry.at).toISOString() }));
  const members = people.map((p) => ({
    user_id: p.user_id,
    joined_at: new Date(joinedAt.get(p.user_id)!).toISOString(),
    changed_by: lastChange.get(p.user_id)?.by ?? null,
    changed_at: lastChange.has(p.user_id) ? new Date(lastChange.get(p.user_id)!.at).toISOString() : null,
  }));
  await world.server.pglite.transaction(async (tx) => {
    await tx.query(
      `insert into events (org_id, seq, type, actor_id, actor_name, actor_email, target_id, before, after, data, at)
       select o.id, o.event_seq + r.n, r.type, r.actor_id, r.actor_name, r.actor_email, r.target_id,
              r.before, r.after, r.data, r.at
       from organizations o,
            jsonb_to_recordset($2::jsonb) as r(n int, type text, actor_id text, actor_name text, actor_email text,
                                              target_id text, before jsonb, after jsonb, data jsonb, at timestamptz)
       where o.id = $1
       order by r.n`,
      [world.orgId, JSON.stringify(rows)],
    );
    await tx.query(`update organizations set event_seq = event_seq + $2, created_at = $3 where id = $1`, [
      world.orgId,
      rows.length,
      new Date(start).toISOString(),
    ]);
    await tx.query(
      `update org_members m
       set joined_at = r.joined_at, changed_by = coalesce(r.changed_by, m.changed_by),
           changed_at = coalesce(r.changed_at, m.changed_at)
       from jsonb_to_recordset($2::jsonb) as r(user_id text, joined_at timestamptz, changed_by text, changed_at timestamptz)
       where m.org_id = $1 and m.user_id = r.user_id`,
      [world.orgId, JSON.stringify(members)],
    );
  });
  console.info(`[roster] wrote ${rows.length} audit entries in ${Math.round(performance.now() - started)} ms`);
}

/** `count` spans between `from` and `to`, one after another: each change and its undoing, in order. */
function pairsOfTimes(count: number, from: number, to: number, random: () => number): [number, number][] {
  const times = Array.from({ length: count * 2 }, () => from + random() * Math.max(0, to - from)).sort((a, b) => a - b);
  return Array.from({ length: count }, (_, i) => [times[2 * i]!, times[2 * i + 1]!]);
}

const GUESTS = ['sam', 'riley', 'jordan', 'alex', 'casey', 'morgan', 'taylor', 'quinn', 'avery', 'jamie'];
const DOMAINS = ['acme.test', 'partner.test', 'contractors.test', 'agency.test'];

/** The same history on every load (mulberry32), so a screenshot or a bug report can be found again. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
