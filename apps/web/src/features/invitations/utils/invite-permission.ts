import type { MyOrg } from '@roster/contracts';

/** How the viewer may add people (R3): directly, as a request an admin decides, or not at all. */
export type InviteAccess = 'invite' | 'request' | null;

export function inviteAccess(org: Pick<MyOrg, 'role' | 'settings'>): InviteAccess {
  if (org.role === 'ADMIN') return 'invite';
  if (org.role !== 'MEMBER') return null;
  if (org.settings.invitePolicy === 'anyone') return 'invite';
  if (org.settings.invitePolicy === 'members_request') return 'request';
  return null;
}
