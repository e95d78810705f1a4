import { every, type World } from './world.ts';

/**
 * Every `ms` a member (taking turns, so nobody reaches the pending-requests limit soon) proposes
 * someone new. Under the demo's "members request" policy the invitation waits for an admin: the
 * Requests count goes up live.
 */
export async function playInviteRequests(world: World, ms: number): Promise<void> {
  const members = await world.server.db
    .selectFrom('org_members')
    .select('email')
    .where('org_id', '=', world.orgId)
    .where('role', '=', 'MEMBER')
    .where('email', 'like', '%@acme.test')
    .orderBy('joined_at')
    .limit(40)
    .execute();
  let turn = 0;
  every(
    ms,
    async () => {
      const member = members[turn++ % members.length];
      if (!member) return;
      const person = await world.as(member.email);
      const email = `friend.${Date.now().toString(36)}.${turn}@requests.test`;
      await person.call('POST', `/api/orgs/${world.orgId}/invitations`, { emails: [email], role: 'MEMBER' });
    },
    world.stopped,
  );
}
