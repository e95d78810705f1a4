import { sweepExpiredInvitations } from '../../../../../server/src/modules/invitations/expire-invitations.service.ts';
import { every, type World } from './world.ts';

const DAY_MS = 86_400_000;
const EXPIRED = 5;
const TO_EXPIRE_LATER = 4;

/**
 * Grace invites a few people through the API; then time moves on for some of them (a fixture:
 * their expiry is set in the past) and the server's own expiry sweep marks them expired, with
 * the events and audit rows a real expiry has.
 */
export async function seedExpiredInvitations(world: World): Promise<void> {
  const grace = await world.as('grace@acme.test');
  const emails = Array.from({ length: EXPIRED + TO_EXPIRE_LATER }, (_, i) => `late.${i + 1}@expiring.test`);
  await grace.call('POST', `/api/orgs/${world.orgId}/invitations`, { emails, role: 'MEMBER' });
  for (const [i, email] of emails.slice(0, EXPIRED).entries()) await backdate(world, email, (i + 1) * DAY_MS);
  await sweepExpiredInvitations(world.server.mutationDeps);
}

/** Every `ms` one more of Grace's pending invitations runs out while the page watches. */
export function playExpiries(world: World, ms: number): void {
  every(
    ms,
    async () => {
      const next = await world.server.db
        .selectFrom('invitations')
        .select('email')
        .where('org_id', '=', world.orgId)
        .where('status', '=', 'pending')
        .where('email', 'like', '%@expiring.test')
        .orderBy('email')
        .executeTakeFirst();
      if (!next) return;
      await backdate(world, next.email, 1_000);
      await sweepExpiredInvitations(world.server.mutationDeps);
    },
    world.stopped,
  );
}

async function backdate(world: World, email: string, agoMs: number) {
  const expiresAt = new Date(Date.now() - agoMs);
  await world.server.db
    .updateTable('invitations')
    .set({ expires_at: expiresAt, created_at: new Date(expiresAt.getTime() - 7 * DAY_MS) })
    .where('org_id', '=', world.orgId)
    .where('email', '=', email)
    .where('status', '=', 'pending')
    .execute();
}
