import type { ListMembersResponse, Member } from '@roster/contracts';
import { every, type World } from './world.ts';

/** The people the sign-in page names stay as they are, so a designer's own role never moves. */
const untouched = ['ada@acme.test', 'grace@acme.test', 'linus@acme.test', 'ext@partner.test'];

/**
 * Grace changes someone's role every `ms`: a Member becomes an Admin and back. She reads the row
 * through the API first, so her change carries the version it must; if someone changed it in
 * between, the server answers 409 and this tick is skipped. `among`: only the first that many
 * members by email, so each of them changes often enough to watch. `spared`: people another
 * player needs in their role.
 */
export async function playRoleChanges(
  world: World,
  ms: number,
  among?: number,
  spared: readonly string[] = [],
): Promise<void> {
  let query = world.server.db
    .selectFrom('org_members')
    .select('email')
    .where('org_id', '=', world.orgId)
    .where('role', 'in', ['MEMBER', 'ADMIN'])
    .where('email', 'not in', [...untouched, ...spared])
    .orderBy('email');
  if (among !== undefined) query = query.limit(among);
  const candidates = await query.execute();
  if (candidates.length === 0) return;
  const members = `/api/orgs/${world.orgId}/members`;
  every(
    ms,
    async () => {
      const grace = await world.as('grace@acme.test');
      const { email } = candidates[Math.floor(Math.random() * candidates.length)]!;
      const page = await grace.call<ListMembersResponse>('GET', `${members}?q=${encodeURIComponent(email)}&limit=1`);
      const member: Member | undefined = page?.items[0];
      if (!member || member.role === 'EXTERNAL') return;
      const role = member.role === 'ADMIN' ? 'MEMBER' : 'ADMIN';
      await grace.call('PATCH', `${members}/${member.userId}`, { role, version: member.version });
    },
    world.stopped,
  );
}
