import { ORG_ADMINS_SHOWN } from '@roster/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Reader = Kysely<Database>;

/** The org's first admins by name (no addresses) and how many there are. */
export async function listOrgAdmins(db: Reader, orgId: string) {
  const admins = db.selectFrom('org_members').where('org_id', '=', orgId).where('role', '=', 'ADMIN');
  const [rows, count] = await Promise.all([
    admins.select(['user_id as userId', 'name']).orderBy('name').orderBy('user_id').limit(ORG_ADMINS_SHOWN).execute(),
    admins.select((eb) => eb.fn.countAll<string | number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { admins: rows, total: Number(count.total) };
}

/** Every admin with their address: the recipients of an access request. */
export async function adminRecipients(db: Reader, orgId: string) {
  return db
    .selectFrom('org_members')
    .select(['user_id as userId', 'name', 'email'])
    .where('org_id', '=', orgId)
    .where('role', '=', 'ADMIN')
    .orderBy('user_id')
    .execute();
}

/** A workspace of this org, and whether `userId` is in it; null when the org has no such workspace. */
export async function workspaceForRequest(db: Reader, orgId: string, workspaceId: string, userId: string) {
  const row = await db
    .selectFrom('workspaces as w')
    .leftJoin('workspace_members as wm', (join) =>
      join.onRef('wm.workspace_id', '=', 'w.id').on('wm.user_id', '=', userId),
    )
    .select(['w.id', 'w.name', 'wm.user_id as memberId'])
    .where('w.org_id', '=', orgId)
    .where('w.id', '=', workspaceId)
    .executeTakeFirst();
  return row ? { id: row.id, name: row.name, isMember: row.memberId !== null } : null;
}
