import type { OrgRole } from '@roster/contracts';
import type { Random } from './seeded-random.ts';
import { createRaceOrg, type Person, type RaceWorld } from './race-world.ts';
import { describeAnswer, expectStatuses, type RacePair, type RaceRequest } from './race-pair.ts';

const REFUSALS = [
  '403 FORBIDDEN',
  '404 NOT_FOUND',
  '409 VERSION_CONFLICT',
  '409 LAST_ADMIN_PROTECTED',
  '409 CREATOR_PROTECTED',
  '409 SELF_ROLE_CHANGE',
  '409 SELF_REMOVAL',
];

function demoteOrRemove(world: RaceWorld, rng: Random, orgId: string, actor: Person, tab: number, target: Person) {
  const url = `/api/orgs/${orgId}/members/${target.id}`;
  const self = actor.id === target.id;
  const roll = rng.int(10);
  if (self && roll < 3) {
    return { action: 'leave', send: () => world.call(actor, tab, 'POST', `/api/orgs/${orgId}/leave`) } as RaceRequest;
  }
  if (!self && roll < 3) {
    const query = rng.chance(0.5) ? '?version=1' : '';
    return { action: 'remove', send: () => world.call(actor, tab, 'DELETE', `${url}${query}`) } as RaceRequest;
  }
  const role: OrgRole = rng.chance(0.5) ? 'MEMBER' : 'EXTERNAL';
  return { action: 'role', send: () => world.call(actor, tab, 'PATCH', url, { role, version: 1 }) } as RaceRequest;
}

/**
 * R9: two admins demoting (or removing, or leaving as) the org's admins at once: each other,
 * themselves, the same third admin, or the last two of them. Never zero admins.
 */
export async function demoteDemote(world: RaceWorld, rng: Random): Promise<RacePair> {
  const admins = rng.sample(world.admins, 2 + rng.int(2));
  const others = rng.sample(world.members, rng.int(3));
  const creator = rng.pick([...admins, world.invitees[0]!]);
  const settings = {
    protectCreator: rng.chance(0.3),
    allowSelfRoleChange: rng.chance(0.4),
    allowSelfLeave: rng.chance(0.4),
  };
  const orgId = await createRaceOrg(
    world,
    [...admins.map((p) => [p, 'ADMIN'] as [Person, OrgRole]), ...others.map((p) => [p, 'MEMBER'] as [Person, OrgRole])],
    { creatorId: creator.id, settings },
  );
  const [a, b] = admins as [Person, Person];
  const shape = rng.pick(['each other', 'themselves', 'same target', 'any admins'] as const);
  const targets: [Person, Person] =
    shape === 'each other'
      ? [b, a]
      : shape === 'themselves'
        ? [a, b]
        : shape === 'same target'
          ? [admins.at(-1)!, admins.at(-1)!]
          : [rng.pick(admins), rng.pick(admins)];
  const requests: [RaceRequest, RaceRequest] = [
    demoteOrRemove(world, rng, orgId, a, 0, targets[0]),
    demoteOrRemove(world, rng, orgId, b, 0, targets[1]),
  ];
  return {
    kind: `demote/demote (${admins.length} admins, ${shape})`,
    orgId,
    requests,
    check: async (answers) => expectStatuses(answers, [200, 204, ...REFUSALS]),
  };
}

/**
 * No ownership transfer exists, so its nearest race: one admin changes a person's role while
 * another removes that person. Exactly the serial outcomes: removal last wins only without a
 * version; a role change after the removal finds nobody.
 */
export async function roleVsRemoval(world: RaceWorld, rng: Random): Promise<RacePair> {
  const [a, b, third] = rng.sample(world.admins, 3) as [Person, Person, Person];
  const target = rng.chance(0.3) ? third : rng.pick(world.members);
  const targetRole: OrgRole = target === third ? 'ADMIN' : rng.pick(['MEMBER', 'EXTERNAL'] as const);
  const others = world.members.filter((m) => m !== target).slice(0, rng.int(3));
  const orgId = await createRaceOrg(
    world,
    [[a, 'ADMIN'], [b, 'ADMIN'], [target, targetRole], ...others.map((p) => [p, 'MEMBER'] as [Person, OrgRole])],
    { creatorId: a.id, settings: { protectCreator: rng.chance(0.5) } },
  );
  const newRole = rng.pick((['ADMIN', 'MEMBER', 'EXTERNAL'] as const).filter((r) => r !== targetRole));
  const withVersion = rng.chance(0.5);
  // The same admin in two tabs, or two admins.
  const [changer, remover] = rng.chance(0.2) ? [a, a] : rng.chance(0.5) ? [a, b] : [b, a];
  const url = `/api/orgs/${orgId}/members/${target.id}`;
  const change: RaceRequest = {
    action: 'role',
    send: () => world.call(changer, 0, 'PATCH', url, { role: newRole, version: 1 }),
  };
  const removal: RaceRequest = {
    action: 'remove',
    send: () => world.call(remover, 1, 'DELETE', `${url}${withVersion ? '?version=1' : ''}`),
  };
  const requests: [RaceRequest, RaceRequest] = rng.chance(0.5) ? [change, removal] : [removal, change];
  return {
    kind: `role/removal (${targetRole}→${newRole}, ${withVersion ? 'versioned' : 'unversioned'} removal)`,
    orgId,
    requests,
    async check(answers) {
      const [changed, removed] = requests[0] === change ? answers : [answers[1]!, answers[0]!];
      const problems = expectStatuses([changed!], [200, '404 NOT_FOUND']);
      problems.push(...expectStatuses([removed!], [204, '409 VERSION_CONFLICT']));
      if (changed!.status !== 200 && removed!.status !== 204) problems.push('neither request won');
      if (changed!.status === 200 && removed!.status === 204 && withVersion) {
        problems.push('a versioned removal succeeded after the role change it had not seen');
      }
      const row = await world.db
        .selectFrom('org_members')
        .select(['role'])
        .where('org_id', '=', orgId)
        .where('user_id', '=', target.id)
        .executeTakeFirst();
      if (removed!.status === 204 && row) problems.push('removed, yet still a member');
      if (removed!.status !== 204 && row?.role !== (changed!.status === 200 ? newRole : targetRole)) {
        problems.push(`role is ${row?.role ?? 'gone'} after ${describeAnswer(changed!)}/${describeAnswer(removed!)}`);
      }
      const grants = await world.db
        .selectFrom('workspace_members')
        .select('user_id')
        .where('org_id', '=', orgId)
        .where('user_id', '=', target.id)
        .execute();
      if (!row && grants.length > 0) problems.push('a removed person kept workspace memberships');
      return problems;
    },
  };
}
