import type { MemberAccess } from '@roster/contracts';
import type { SessionUser } from '../../auth/auth.ts';
import type { Db } from '../../db/connect.ts';
import { notFound } from '../../lib/domain-error.ts';
import { readOrgAccess } from '../orgs/org-access.repository.ts';
import { assertCanManageMembers } from './members.policy.ts';

const roleWords = { OWNER: 'Owner', MEMBER: 'Member', VIEWER: 'Viewer' } as const;

/** "View access": the org role, every workspace, and why the person can (or cannot) get in. */
export async function memberAccess(db: Db, user: SessionUser, orgId: string, userId: string): Promise<MemberAccess> {
  const access = await readOrgAccess(db, orgId, user.id);
  assertCanManageMembers(access?.role ?? null);
  const target = await db
    .selectFrom('org_members')
    .select(['role', 'lite'])
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!target) throw notFound('That member');
  const rows = await db
    .selectFrom('workspaces as w')
    .leftJoin('workspace_members as wm', (join) =>
      join.onRef('wm.workspace_id', '=', 'w.id').on('wm.user_id', '=', userId),
    )
    .select(['w.id', 'w.name', 'wm.role'])
    .where('w.org_id', '=', orgId)
    .orderBy('w.name')
    .execute();
  const fullAccess = target.role === 'ADMIN';
  return {
    userId,
    orgRole: target.role,
    lite: target.lite,
    fullAccess,
    workspaces: rows.map((row) => ({
      id: row.id,
      name: row.name,
      role: row.role,
      reason: reason(fullAccess, target.lite, row.role),
    })),
  };
}

function reason(fullAccess: boolean, lite: boolean, role: keyof typeof roleWords | null): string {
  const own = role ? `${roleWords[role]} of this workspace` : null;
  if (fullAccess)
    return own ? `${own}; as an org admin they have full access anyway` : 'Org admin: full access to every workspace';
  if (own) return lite ? `${own} (lite: at most a viewer, no usage or cost data)` : own;
  return lite
    ? 'No access: lite members see only workspaces they are given'
    : 'No access: not a member of this workspace';
}
