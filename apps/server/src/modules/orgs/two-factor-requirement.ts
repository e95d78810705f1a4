import type { OrgRole } from '@roster/contracts';
import type { Db } from '../../db/connect.ts';
import { DomainError } from '../../lib/domain-error.ts';
import type { Publisher } from '../../realtime/publisher.ts';
import { setOwnerRooms } from '../workspaces/workspace-owner-rooms.ts';
import { orgRequiresTwoFactor } from './two-factor-sql.ts';

/**
 * `requireTwoFactor`: a member of an org that requires two-factor sign-in, whose account has
 * none, reaches nothing of that org (routes, rooms, catch-up) until they set it up. Always read
 * from the database, never from a session, so turning either on takes effect at once.
 */
export async function assertTwoFactorSatisfied(db: Db, orgId: string, userId: string): Promise<void> {
  if ((await lockedOrgs(db, userId, orgId)).size === 0) return;
  throw twoFactorRequired(orgId);
}

export function twoFactorRequired(orgId: string): DomainError {
  return new DomainError(
    'TWO_FACTOR_REQUIRED',
    'This organization requires two-factor sign-in: turn it on in your account settings to continue',
    { orgId },
  );
}

/** The orgs a person belongs to but may not reach for want of two-factor sign-in. */
export async function lockedOrgs(db: Db, userId: string, orgId?: string): Promise<Set<string>> {
  let query = db
    .selectFrom('organizations as o')
    .innerJoin('org_members as m', (join) => join.onRef('m.org_id', '=', 'o.id').on('m.user_id', '=', userId))
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('o.id')
    .where(orgRequiresTwoFactor)
    .where('u.two_factor_enabled', '=', false);
  if (orgId) query = query.where('o.id', '=', orgId);
  return new Set((await query.execute()).map((row) => row.id));
}

/** Members of an org without two-factor sign-in, with their roles (whom the setting shuts out). */
export async function membersWithoutTwoFactor(db: Db, orgId: string): Promise<{ userId: string; role: OrgRole }[]> {
  return db
    .selectFrom('org_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id as userId', 'm.role'])
    .where('m.org_id', '=', orgId)
    .where('u.two_factor_enabled', '=', false)
    .execute();
}

/**
 * A person turned two-factor on or off: their open tabs join, or leave, the rooms of every org
 * that requires it, as if they had reconnected.
 */
export async function replaceAfterTwoFactorChange(db: Db, publisher: Publisher, userId: string): Promise<void> {
  const requiring = await db
    .selectFrom('org_members as m')
    .innerJoin('organizations as o', 'o.id', 'm.org_id')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.org_id', 'm.role', 'u.two_factor_enabled'])
    .where('m.user_id', '=', userId)
    .where('o.status', '=', 'active')
    .where(orgRequiresTwoFactor)
    .execute();
  if (requiring.length === 0) return;
  const orgIds = requiring.map((m) => m.org_id);
  const owned = await db
    .selectFrom('workspace_members')
    .select(['org_id', 'workspace_id as id', 'role'])
    .where('user_id', '=', userId)
    .where('role', '=', 'OWNER')
    .where('org_id', 'in', orgIds)
    .execute();
  for (const m of requiring) {
    const access = m.two_factor_enabled ? m.role : null;
    const workspaces = owned.filter((w) => w.org_id === m.org_id);
    publisher.setAccess(m.org_id, userId, access);
    setOwnerRooms(publisher, m.org_id, userId, access, workspaces);
  }
}
