import { sql, type Kysely } from 'kysely';
import type { OrgRole, OrgSettings, OrgStatus, OrgSummary } from '@roster/contracts';
import type { Database } from '../../db/schema.ts';
import { jsonb } from '../../db/json.ts';

type Db = Kysely<Database>;

export interface OrgRow extends OrgSummary {
  createdBy: string;
  status: OrgStatus;
  purgeAfter: Date | null;
}

export async function readOrg(db: Db, orgId: string): Promise<OrgRow | null> {
  const row = await db
    .selectFrom('organizations')
    .select(['id', 'name', 'slug', 'version', 'created_by', 'status', 'purge_after'])
    .where('id', '=', orgId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    version: row.version,
    createdBy: row.created_by,
    status: row.status,
    purgeAfter: row.purge_after === null ? null : new Date(row.purge_after),
  };
}

/** Moves the org into (a date) or out of (null) its grace period before the purge; bumps its version. */
export async function writeOrgDeletion(db: Db, orgId: string, purgeAfter: Date | null): Promise<void> {
  await db
    .updateTable('organizations')
    .set({
      status: purgeAfter ? 'pending_deletion' : 'active',
      purge_after: purgeAfter,
      version: sql`version + 1`,
    })
    .where('id', '=', orgId)
    .execute();
}

/** Every member of the org with their role: whose tabs a deletion or a restore reaches. */
export async function memberRoles(db: Db, orgId: string): Promise<{ userId: string; role: OrgRole }[]> {
  return db.selectFrom('org_members').select(['user_id as userId', 'role']).where('org_id', '=', orgId).execute();
}

/** The person's account row, locked: one person's org creations take turns, in every process. */
export async function lockCreator(db: Db, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'email_verified'])
    .where('id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
}

/** How many orgs the person created (and still exist): what `MAX_ORGS_PER_USER` caps. */
export async function countCreatedOrgs(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('organizations')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('created_by', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Inserts the org under `slug` unless another org holds that slug (waiting, on PostgreSQL, for a
 * concurrent creation of the same slug to commit or roll back). Its first event is `seq` 1.
 */
export async function insertOrgIfSlugFree(
  db: Db,
  org: { id: string; name: string; slug: string; createdBy: string; settings: OrgSettings; at: Date },
): Promise<boolean> {
  const row = await db
    .insertInto('organizations')
    .values({
      id: org.id,
      name: org.name,
      slug: org.slug,
      created_by: org.createdBy,
      settings: jsonb(org.settings),
      event_seq: 1,
      created_at: org.at,
    })
    .onConflict((oc) => oc.column('slug').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Slugs equal to `base` or `base-<n>` that an org holds now or that still lead to another org. */
export async function slugsLike(db: Db, base: string, exceptOrgId: string | null, now: Date): Promise<Set<string>> {
  const pattern = `${base.replace(/[\\%_]/g, (c) => `\\${c}`)}-%`;
  const like = (column: 'slug') => sql<boolean>`(${sql.ref(column)} = ${base} or ${sql.ref(column)} like ${pattern})`;
  const current = await db
    .selectFrom('organizations')
    .select('slug')
    .where(like('slug'))
    .$if(exceptOrgId !== null, (q) => q.where('id', '<>', exceptOrgId!))
    .execute();
  const redirected = await db
    .selectFrom('org_slug_redirects')
    .select('slug')
    .where(like('slug'))
    .where('expires_at', '>', now)
    .$if(exceptOrgId !== null, (q) => q.where('org_id', '<>', exceptOrgId!))
    .execute();
  return new Set([...current, ...redirected].map((r) => r.slug));
}

/** Which org a slug leads to: the org holding it now, else one that left it within the redirect window. */
export async function orgIdForSlug(db: Db, slug: string, now: Date): Promise<string | null> {
  const current = await db.selectFrom('organizations').select('id').where('slug', '=', slug).executeTakeFirst();
  if (current) return current.id;
  const old = await db
    .selectFrom('org_slug_redirects')
    .select('org_id')
    .where('slug', '=', slug)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return old?.org_id ?? null;
}

/** Renames the org only if nobody changed it since `version`; returns whether it did. */
export async function writeOrgName(
  db: Db,
  change: { orgId: string; name: string; slug: string; version: number },
): Promise<boolean> {
  const result = await db
    .updateTable('organizations')
    .set({ name: change.name, slug: change.slug, version: sql`version + 1` })
    .where('id', '=', change.orgId)
    .where('version', '=', change.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The old slug keeps leading to the org until `expiresAt`; the slug it takes back stops redirecting. */
export async function keepOldSlug(db: Db, orgId: string, oldSlug: string, newSlug: string, expiresAt: Date) {
  await db.deleteFrom('org_slug_redirects').where('slug', '=', newSlug).execute();
  await db
    .insertInto('org_slug_redirects')
    .values({ slug: oldSlug, org_id: orgId, expires_at: expiresAt })
    .onConflict((oc) => oc.column('slug').doUpdateSet({ org_id: orgId, expires_at: expiresAt }))
    .execute();
}

/** Hands the creator role over only if nobody changed the org since `version`. */
export async function writeCreator(db: Db, orgId: string, userId: string, version: number): Promise<boolean> {
  const result = await db
    .updateTable('organizations')
    .set({ created_by: userId, version: sql`version + 1` })
    .where('id', '=', orgId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A member's role and name in the org, or null when they are not one. */
export async function readMember(db: Db, orgId: string, userId: string) {
  return db
    .selectFrom('org_members')
    .select(['user_id', 'name', 'role'])
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}
