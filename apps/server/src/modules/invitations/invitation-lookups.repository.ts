import { sql, type Kysely, type SqlBool } from 'kysely';
import type { MyInvitation, WorkspaceRole } from '@roster/contracts';
import type { Database } from '../../db/schema.ts';

type Reader = Kysely<Database>;

/** R5: seats in use are active members + live pending invitations + requests. */
export async function countSeatsUsed(db: Reader, orgId: string, now: Date): Promise<number> {
  const { members } = await db
    .selectFrom('org_member_counts')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('count'), sql<string>`0`).as('members'))
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  const { invited } = await db
    .selectFrom('invitations')
    .select((eb) => eb.fn.countAll<string>().as('invited'))
    .where('org_id', '=', orgId)
    .where(sql<SqlBool>`(status = 'requested' or (status = 'pending' and (expires_at is null or expires_at > ${now})))`)
    .executeTakeFirstOrThrow();
  return Number(members) + Number(invited);
}

/** Addresses among `lowers` with a live (requested or pending, not past expiry) invitation. */
export async function liveInvitedAddresses(db: Reader, orgId: string, lowers: string[]): Promise<Set<string>> {
  if (lowers.length === 0) return new Set();
  const rows = await db
    .selectFrom('invitations')
    .select('email_lower')
    .where('org_id', '=', orgId)
    .where('email_lower', 'in', lowers)
    .where('status', 'in', ['requested', 'pending'])
    .execute();
  return new Set(rows.map((r) => r.email_lower));
}

/** Addresses among `lowers` that already belong to a member of the org. */
export async function memberAddresses(db: Reader, orgId: string, lowers: string[]): Promise<Set<string>> {
  if (lowers.length === 0) return new Set();
  const rows = await db
    .selectFrom('org_members')
    .select(sql<string>`lower(email)`.as('email'))
    .where('org_id', '=', orgId)
    .where(sql`lower(email)`, 'in', lowers)
    .execute();
  return new Set(rows.map((r) => r.email));
}

/** Accounts by address, so invitees who already have one get their invitation live. */
export async function userIdsByEmail(db: Reader, lowers: string[]): Promise<Map<string, string>> {
  if (lowers.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', sql<string>`lower(email)`.as('email')])
    .where(sql`lower(email)`, 'in', lowers)
    .execute();
  return new Map(rows.map((r) => [r.email, r.id]));
}

/** Which of `ids` are workspaces of this org. */
export async function orgWorkspaceIds(db: Reader, orgId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('workspaces')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function orgName(db: Reader, orgId: string): Promise<string> {
  const row = await db.selectFrom('organizations').select('name').where('id', '=', orgId).executeTakeFirstOrThrow();
  return row.name;
}

/** Live pending invitations addressed to `emailLower`, across orgs (the invitee's inbox). */
export async function myLiveInvitations(
  db: Reader,
  emailLower: string,
  now: Date,
  ids?: string[],
): Promise<MyInvitation[]> {
  let query = db
    .selectFrom('invitations as i')
    .innerJoin('organizations as o', 'o.id', 'i.org_id')
    .select(['i.id', 'i.org_id', 'o.name', 'i.invited_by_name', 'i.role', 'i.created_at', 'i.expires_at'])
    .where('i.email_lower', '=', emailLower)
    .where('o.status', '=', 'active')
    .where('i.status', '=', 'pending')
    .where(sql<SqlBool>`(i.expires_at is null or i.expires_at > ${now})`);
  if (ids) query = query.where('i.id', 'in', ids.length ? ids : ['']);
  const rows = await query.orderBy('i.created_at', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    orgName: r.name,
    inviterName: r.invited_by_name,
    role: r.role,
    createdAt: new Date(r.created_at).toISOString(),
    expiresAt: r.expires_at === null ? null : new Date(r.expires_at).toISOString(),
  }));
}

/** How many invitations (and requests) one person created in an org since `since`. */
export async function countInvitedSince(db: Reader, orgId: string, actorId: string, since: Date): Promise<number> {
  const { n } = await db
    .selectFrom('invitations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('org_id', '=', orgId)
    .where('invited_by', '=', actorId)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** The inviter's own role in each of `workspaceIds` they belong to (R22: non-admins grant only what they own). */
export async function ownWorkspaceRoles(
  db: Reader,
  userId: string,
  workspaceIds: string[],
): Promise<Map<string, WorkspaceRole>> {
  if (workspaceIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('workspace_members')
    .select(['workspace_id', 'role'])
    .where('user_id', '=', userId)
    .where('workspace_id', 'in', workspaceIds)
    .execute();
  return new Map(rows.map((r) => [r.workspace_id, r.role]));
}

/** One member's requests still waiting for a decision in an org. */
export async function countWaitingRequestsBy(db: Reader, orgId: string, userId: string): Promise<number> {
  const { n } = await db
    .selectFrom('invitations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('org_id', '=', orgId)
    .where('invited_by', '=', userId)
    .where('status', '=', 'requested')
    .executeTakeFirstOrThrow();
  return Number(n);
}
