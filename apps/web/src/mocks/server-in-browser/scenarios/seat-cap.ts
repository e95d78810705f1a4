import type { ListInvitationsResponse, OrgSettingsResponse } from '@roster/contracts';
import type { World } from './world.ts';

/**
 * Grace sets the organization's seat cap to the seats in use, through the settings API like an
 * admin would: the server then refuses any further invitation for want of seats.
 */
export async function reachSeatCap(world: World): Promise<void> {
  const grace = await world.as('grace@acme.test');
  const base = `/api/orgs/${world.orgId}`;
  const current = await grace.call<OrgSettingsResponse>('GET', `${base}/settings`);
  const invitations = await grace.call<ListInvitationsResponse>('GET', `${base}/invitations?limit=1`);
  if (!current || !invitations) throw new Error('the seat cap could not be read');
  const changed = await grace.call('PATCH', `${base}/settings`, {
    memberCap: Math.max(1, invitations.seats.used),
    version: current.version,
  });
  if (!changed) throw new Error('the seat cap could not be set');
}
