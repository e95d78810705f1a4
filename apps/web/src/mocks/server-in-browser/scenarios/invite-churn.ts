import type { CreateInvitationsResponse, ListInvitationsResponse } from '@roster/contracts';
import { every, type World } from './world.ts';

const EVERY_MS = 9_000;

/**
 * Grace invites someone new and, half a beat later, revokes that invitation again: the
 * invitations list and its count move live. Refusals (a seat cap, say) are skipped.
 */
export function playInviteChurn(world: World): void {
  const invitations = `/api/orgs/${world.orgId}/invitations`;
  let n = 0;
  every(
    EVERY_MS,
    async () => {
      const grace = await world.as('grace@acme.test');
      const email = `guest.${Date.now().toString(36)}.${++n}@guests.test`;
      const created = await grace.call<CreateInvitationsResponse>('POST', invitations, {
        emails: [email],
        role: 'MEMBER',
      });
      if (created?.results[0]?.status !== 'invited') return;
      await new Promise((resolve) => setTimeout(resolve, EVERY_MS / 2));
      const found = await grace.call<ListInvitationsResponse>('GET', `${invitations}?q=${encodeURIComponent(email)}`);
      const invitation = found?.items.find((i) => i.email === email);
      if (invitation)
        await grace.call('POST', `${invitations}/${invitation.id}/revoke`, { version: invitation.version });
    },
    world.stopped,
  );
}
