import { sql } from 'kysely';
import { OrgSettingsSchema, type MeUser, type MyOrg } from '@roster/contracts';
import type { Db } from '../../db/connect.ts';

/**
 * The organizations a person belongs to, with their role in each. A deleted org, waiting for
 * its purge, is listed to its creator only (who may restore it).
 */
export async function myOrganizations(db: Db, userId: string, now: Date): Promise<MyOrg[]> {
  const rows = await db
    .selectFrom('org_members as m')
    .innerJoin('organizations as o', 'o.id', 'm.org_id')
    .select(['o.id', 'o.name', 'o.slug', 'o.created_by', 'o.settings', 'o.status', 'o.purge_after', 'm.role', 'm.lite'])
    .where('m.user_id', '=', userId)
    .where((eb) => eb.or([eb('o.status', '=', 'active'), eb('o.created_by', '=', userId)]))
    .orderBy('o.name')
    .execute();
  const pending = await pendingByOrg(
    db,
    rows.filter((r) => r.role === 'ADMIN' && r.status === 'active').map((r) => r.id),
    now,
  );
  return rows.map(({ created_by, settings, purge_after, ...org }) => ({
    ...org,
    isCreator: created_by === userId,
    settings: OrgSettingsSchema.parse(settings),
    purgeAfter: purge_after === null ? null : new Date(purge_after).toISOString(),
    pending: pending.get(org.id) ?? null,
  }));
}

/** Live invitations and undecided requests of each org, in one grouped read (admins' orgs only). */
async function pendingByOrg(db: Db, orgIds: string[], now: Date) {
  const counts = new Map(orgIds.map((id) => [id, { invitations: 0, requests: 0 }]));
  if (orgIds.length === 0) return counts;
  const rows = await db
    .selectFrom('invitations')
    .select(['org_id', 'status', (eb) => eb.fn.countAll<string>().as('count')])
    .where('org_id', 'in', orgIds)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'requested'),
        eb.and([eb('status', '=', 'pending'), eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)])]),
      ]),
    )
    .groupBy(['org_id', 'status'])
    .execute();
  for (const row of rows) {
    const count = counts.get(row.org_id)!;
    if (row.status === 'requested') count.requests = Number(row.count);
    else count.invitations = Number(row.count);
  }
  return counts;
}

/** The account as its row is now (the session only caches it), or null once it is gone. */
export async function readAccount(db: Db, userId: string): Promise<MeUser | null> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'email_verified', 'two_factor_enabled', 'version'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    emailVerified: row.email_verified,
    twoFactorEnabled: row.two_factor_enabled,
    version: row.version,
  };
}

/** Renames the account only if nobody changed it since `version`; returns whether it did. */
export async function renameAccount(
  db: Db,
  change: { userId: string; name: string; version: number; at: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ name: change.name, version: sql`version + 1`, updated_at: change.at })
    .where('id', '=', change.userId)
    .where('version', '=', change.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The ids of every org the person belongs to, in id order (the order their locks are taken). */
export async function myOrgIds(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('org_members')
    .select('org_id')
    .where('user_id', '=', userId)
    .orderBy('org_id')
    .execute();
  return rows.map((r) => r.org_id);
}

/** Whether any org's copy of the person differs from their account row. */
export async function hasStaleCopy(db: Db, userId: string, account: { name: string; email: string }): Promise<boolean> {
  const row = await db
    .selectFrom('org_members')
    .select('org_id')
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('name', '<>', account.name), eb('email', '<>', account.email)]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
