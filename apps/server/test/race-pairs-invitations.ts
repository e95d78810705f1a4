import type { OrgRole } from '@roster/contracts';
import { IDEMPOTENCY_KEY_HEADER } from '@roster/contracts';
import { jsonb } from '../src/db/json.ts';
import { countSeatsUsed } from '../src/modules/invitations/invitation-lookups.repository.ts';
import type { Random } from './seeded-random.ts';
import { createRaceOrg, type Answer, type Person, type RaceWorld } from './race-world.ts';
import {
  describeAnswer,
  expectStatuses,
  freshAddress,
  invite,
  linkToken,
  type RacePair,
  type RaceRequest,
} from './race-pair.ts';

const members = (people: Person[], role: OrgRole = 'MEMBER') => people.map((p) => [p, role] as [Person, OrgRole]);

async function liveInvitations(world: RaceWorld, orgId: string, email: string) {
  return world.db
    .selectFrom('invitations')
    .select(['id', 'status'])
    .where('org_id', '=', orgId)
    .where('email_lower', '=', email.toLowerCase())
    .where('status', 'in', ['requested', 'pending'])
    .execute();
}

/** R15: one request approved by two admins (or one admin in two tabs) at once: one pending invitation. */
export async function approveApprove(world: RaceWorld, rng: Random): Promise<RacePair> {
  const [a, b] = rng.sample(world.admins, 2) as [Person, Person];
  const requester = rng.pick(world.members);
  const orgId = await createRaceOrg(world, [[a, 'ADMIN'], [b, 'ADMIN'], ...members([requester])], {
    creatorId: a.id,
    settings: { invitePolicy: 'members_request' },
  });
  const email = freshAddress();
  const id = await invite(world, requester, orgId, email, rng.pick(['MEMBER', 'EXTERNAL']));
  const [second, tab] = rng.chance(0.3) ? [a, 1] : [b, 0];
  const url = `/api/orgs/${orgId}/invite-requests/${id}/approve`;
  const approve = (who: Person, t: number): RaceRequest => ({
    action: 'approve',
    send: () => world.call(who, t, 'POST', url, rng.chance(0.3) ? { version: 1, role: 'EXTERNAL' } : { version: 1 }),
  });
  const requests: [RaceRequest, RaceRequest] = [approve(a, 0), approve(second, tab)];
  return {
    kind: 'approve/approve',
    orgId,
    requests,
    async check(answers) {
      const problems = expectStatuses(answers, [200, '409 ALREADY_DECIDED']);
      if (answers.filter((x) => x.status === 200).length !== 1) problems.push('not exactly one approval won');
      const live = await liveInvitations(world, orgId, email);
      if (live.length !== 1 || live[0]!.status !== 'pending')
        problems.push(`live invitations: ${JSON.stringify(live)}`);
      return problems;
    },
  };
}

/** R4: the same address invited twice at once (other case, other inviter, a double click): one live invitation. */
export async function inviteInvite(world: RaceWorld, rng: Random): Promise<RacePair> {
  const [a, b] = rng.sample(world.admins, 2) as [Person, Person];
  const member = rng.pick(world.members);
  const invitePolicy = rng.pick(['anyone', 'members_request', 'admins_only'] as const);
  const orgId = await createRaceOrg(world, [[a, 'ADMIN'], [b, 'ADMIN'], ...members([member])], {
    creatorId: a.id,
    settings: { invitePolicy },
  });
  const email = freshAddress();
  const inviters: Person[] = invitePolicy === 'admins_only' ? [a, b] : [a, b, member];
  const doubleClick = rng.chance(0.2);
  const key = `race-${email}`;
  const body = () => {
    const spelled = rng.chance(0.5) ? email.toUpperCase() : email;
    const emails = rng.chance(0.3) ? [spelled, freshAddress()] : [spelled];
    return { emails, role: rng.pick(['MEMBER', 'EXTERNAL']) };
  };
  const sameBody = body();
  const send = (who: Person, tab: number): RaceRequest => {
    const payload = doubleClick ? sameBody : body();
    const headers: Record<string, string> = doubleClick ? { [IDEMPOTENCY_KEY_HEADER]: key } : {};
    return {
      action: 'invite',
      send: () => world.call(who, tab, 'POST', `/api/orgs/${orgId}/invitations`, payload, headers),
    };
  };
  const first = doubleClick ? a : rng.pick(inviters);
  const second = doubleClick ? a : rng.pick(inviters);
  const requests: [RaceRequest, RaceRequest] = [send(first, 0), send(second, 1)];
  return {
    kind: doubleClick ? 'invite/invite (double click)' : `invite/invite (${invitePolicy})`,
    orgId,
    requests,
    async check(answers) {
      const problems = expectStatuses(answers, [200]);
      if (problems.length) return problems;
      const mine = answers.map(
        (x) => (x.body.results as Array<{ email: string; status: string; invitationId?: string }>)[0]!,
      );
      const won = new Set(mine.filter((r) => r.invitationId).map((r) => r.invitationId));
      if (won.size !== 1) problems.push(`${won.size} invitations reported for one address`);
      if (!doubleClick && mine.filter((r) => r.status === 'duplicate').length !== 1) {
        problems.push(`statuses ${mine.map((r) => r.status).join(', ')}`);
      }
      if ((await liveInvitations(world, orgId, email)).length !== 1) problems.push('not exactly one live invitation');
      return problems;
    },
  };
}

/** The same invitation accepted from two tabs (link or inbox) at once: one membership. */
export async function acceptAccept(world: RaceWorld, rng: Random): Promise<RacePair> {
  const admin = rng.pick(world.admins);
  const invitee = rng.pick(world.invitees);
  const orgId = await createRaceOrg(world, [[admin, 'ADMIN'], ...members(rng.sample(world.members, rng.int(3)))], {
    creatorId: admin.id,
  });
  const id = await invite(world, admin, orgId, invitee.email, rng.pick(['ADMIN', 'MEMBER', 'EXTERNAL']));
  const routes = [rng.chance(0.5), rng.chance(0.5)];
  const token = routes.some(Boolean) ? await linkToken(world, admin, orgId, id) : '';
  const accept = (tab: number, byLink: boolean): RaceRequest => ({
    action: 'accept',
    send: () =>
      world.call(
        invitee,
        tab,
        'POST',
        byLink ? `/api/invitations/${token}/accept` : `/api/me/invitations/${id}/accept`,
      ),
  });
  const requests: [RaceRequest, RaceRequest] = [accept(0, routes[0]!), accept(1, routes[1]!)];
  return {
    kind: 'accept/accept',
    orgId,
    requests,
    async check(answers) {
      const problems = expectStatuses(answers, [200, '409 ALREADY_DECIDED']);
      if (answers.filter((x) => x.status === 200).length !== 1) problems.push('not exactly one accept won');
      const rows = await world.db
        .selectFrom('org_members')
        .select('user_id')
        .where('org_id', '=', orgId)
        .where('user_id', '=', invitee.id)
        .execute();
      if (rows.length !== 1) problems.push(`${rows.length} memberships for the invitee`);
      return problems;
    },
  };
}

/**
 * R5 at the last seat. Invitations and requests hold their seat from the start, so two requests
 * that each take a new seat: exactly one wins. Accepting or approving uses a seat already held:
 * with the cap full, both win and the cap still holds.
 */
export async function lastSeat(world: RaceWorld, rng: Random): Promise<RacePair> {
  const [a, b] = rng.sample(world.admins, 2) as [Person, Person];
  const member = rng.pick(world.members);
  const invitePolicy = rng.pick(['anyone', 'members_request'] as const);
  const orgId = await createRaceOrg(world, [[a, 'ADMIN'], [b, 'ADMIN'], ...members([member])], {
    creatorId: a.id,
    settings: { invitePolicy },
  });
  // Seats already held by invitations and requests, besides the three members.
  for (let i = rng.int(3); i > 0; i--) await invite(world, rng.pick([a, member]), orgId, freshAddress());
  const accept = async (who: Person, tab: number): Promise<RaceRequest> => {
    const id = await invite(world, a, orgId, who.email);
    return { action: 'accept', send: () => world.call(who, tab, 'POST', `/api/me/invitations/${id}/accept`) };
  };
  const approve = async (): Promise<RaceRequest> => {
    const id = await invite(world, member, orgId, freshAddress());
    const url = `/api/orgs/${orgId}/invite-requests/${id}/approve`;
    return { action: 'approve', send: () => world.call(b, 1, 'POST', url, { version: 1 }) };
  };
  const takeSeat = (who: Person, tab: number): RaceRequest => ({
    action: 'invite',
    send: () =>
      world.call(who, tab, 'POST', `/api/orgs/${orgId}/invitations`, { emails: [freshAddress()], role: 'MEMBER' }),
  });
  const [i1, i2] = rng.sample(world.invitees, 2) as [Person, Person];
  const holder = () => (invitePolicy === 'members_request' && rng.chance(0.5) ? approve() : accept(i1, 0));
  const shape = rng.pick(['two new seats', 'held and new', 'two held'] as const);
  let requests: [RaceRequest, RaceRequest];
  if (shape === 'two new seats') requests = [takeSeat(rng.pick([a, b, member]), 0), takeSeat(rng.pick([a, b]), 1)];
  else if (shape === 'held and new') requests = [await holder(), takeSeat(rng.pick([a, b]), 1)];
  else requests = [await accept(i1, 0), invitePolicy === 'members_request' ? await approve() : await accept(i2, 1)];
  const used = await countSeatsUsed(world.db, orgId, new Date());
  await setMemberCap(world, orgId, shape === 'two held' ? used : used + 1);
  return {
    kind: `last seat (${shape})`,
    orgId,
    requests,
    async check(answers: Answer[]) {
      if (shape !== 'two new seats') {
        const problems = expectStatuses(answers, [200]);
        return problems.length ? [`seats already held: ${answers.map(describeAnswer).join(', ')}`] : [];
      }
      const problems = expectStatuses(answers, [200, '409 LIMIT_EXCEEDED']);
      if (answers.filter((x) => x.status === 200).length !== 1) problems.push('not exactly one new seat taken');
      return problems;
    },
  };
}

/** Setup only (no event): what an admin's settings change would leave, without its own race. */
async function setMemberCap(world: RaceWorld, orgId: string, memberCap: number) {
  const { settings } = await world.db
    .selectFrom('organizations')
    .select('settings')
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  await world.db
    .updateTable('organizations')
    .set({ settings: jsonb({ ...settings, memberCap }) })
    .where('id', '=', orgId)
    .execute();
}
