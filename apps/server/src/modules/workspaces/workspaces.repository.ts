import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { OrgPerson, OrgRole, Workspace, WorkspaceMember, WorkspaceRole } from '@roster/contracts';
import type { Database } from '../../db/schema.ts';
import { nameOrEmailContains } from '../members/members.repository.ts';

type Db = Kysely<Database>;

/** Workspaces with their member counts and the viewer's own role; non-admins see only theirs. */
export async function listWorkspaces(
  db: Db,
  orgId: string,
  viewer: { id: string; orgRole: OrgRole },
): Promise<Workspace[]> {
  let query = db
    .selectFrom('workspaces as w')
    .leftJoin('workspace_members as mine', (join) =>
      join.onRef('mine.workspace_id', '=', 'w.id').on('mine.user_id', '=', viewer.id),
    )
    .select((eb) => [
      'w.id',
      'w.name',
      'w.created_at',
      'w.version',
      'mine.role as my_role',
      eb
        .selectFrom('workspace_members as wm')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('wm.workspace_id', '=', 'w.id')
        .as('member_count'),
    ])
    .where('w.org_id', '=', orgId)
    .orderBy('w.name');
  if (viewer.orgRole !== 'ADMIN') query = query.where('mine.user_id', 'is not', null);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    memberCount: Number(row.member_count ?? 0),
    myRole: row.my_role,
    canManage: viewer.orgRole === 'ADMIN' || row.my_role === 'OWNER',
    createdAt: new Date(row.created_at).toISOString(),
    version: row.version,
  }));
}

export async function findWorkspace(db: Db, orgId: string, workspaceId: string) {
  return db
    .selectFrom('workspaces')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', workspaceId)
    .executeTakeFirst();
}

/** Another workspace of the org with this name, ignoring case: names must tell workspaces apart. */
export async function findWorkspaceNamed(db: Db, orgId: string, name: string, exceptId: string | null = null) {
  let query = db
    .selectFrom('workspaces')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where(sql<boolean>`lower(name) = lower(${name})`);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst();
}

/** Versioned write: false when the workspace changed (or went) since `version`. */
export async function renameWorkspace(db: Db, workspaceId: string, name: string, version: number) {
  const result = await db
    .updateTable('workspaces')
    .set({ name, version: sql`version + 1` })
    .where('id', '=', workspaceId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Deletes the workspace at `version` with its grants: memberships here, and the grants live
 * invitations carry (the foreign keys would cascade too; deleting them first says so).
 */
export async function deleteWorkspace(db: Db, workspaceId: string, version: number) {
  await db.deleteFrom('workspace_members').where('workspace_id', '=', workspaceId).execute();
  await db.deleteFrom('invitation_workspaces').where('workspace_id', '=', workspaceId).execute();
  const result = await db
    .deleteFrom('workspaces')
    .where('id', '=', workspaceId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function createWorkspace(db: Db, orgId: string, name: string, at: Date): Promise<string> {
  const id = randomUUID();
  await db.insertInto('workspaces').values({ id, org_id: orgId, name, created_at: at }).execute();
  return id;
}

function workspaceMemberRows(db: Db, workspaceId: string) {
  return db
    .selectFrom('workspace_members as wm')
    .innerJoin('org_members as m', (join) =>
      join.onRef('m.org_id', '=', 'wm.org_id').onRef('m.user_id', '=', 'wm.user_id'),
    )
    .select([
      'wm.user_id',
      'm.name',
      'm.email',
      'm.role as org_role',
      'm.lite',
      'wm.role',
      'wm.joined_at',
      'wm.version',
    ])
    .where('wm.workspace_id', '=', workspaceId);
}

function toWorkspaceMember(
  row: Awaited<ReturnType<ReturnType<typeof workspaceMemberRows>['execute']>>[number],
): WorkspaceMember {
  return {
    userId: row.user_id,
    name: row.name,
    email: row.email,
    orgRole: row.org_role,
    lite: row.lite,
    role: row.role,
    joinedAt: new Date(row.joined_at).toISOString(),
    version: row.version,
  };
}

export async function listWorkspaceMembers(db: Db, workspaceId: string): Promise<WorkspaceMember[]> {
  const rows = await workspaceMemberRows(db, workspaceId)
    .orderBy(sql`lower(m.name)`)
    .orderBy('wm.user_id')
    .execute();
  return rows.map(toWorkspaceMember);
}

export async function findWorkspaceMember(
  db: Db,
  workspaceId: string,
  userId: string,
): Promise<WorkspaceMember | null> {
  const row = await workspaceMemberRows(db, workspaceId).where('wm.user_id', '=', userId).executeTakeFirst();
  return row ? toWorkspaceMember(row) : null;
}

export async function countWorkspaceMembers(db: Db, workspaceId: string, role?: WorkspaceRole): Promise<number> {
  let query = db
    .selectFrom('workspace_members')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('workspace_id', '=', workspaceId);
  if (role) query = query.where('role', '=', role);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

export async function insertWorkspaceMember(
  db: Db,
  row: { orgId: string; workspaceId: string; userId: string; role: WorkspaceRole; at: Date },
): Promise<void> {
  await db
    .insertInto('workspace_members')
    .values({
      org_id: row.orgId,
      workspace_id: row.workspaceId,
      user_id: row.userId,
      role: row.role,
      joined_at: row.at,
    })
    .execute();
}

/** Versioned writes: 0 rows means someone changed the row since `version`. */
export async function updateWorkspaceRole(
  db: Db,
  workspaceId: string,
  userId: string,
  role: WorkspaceRole,
  version: number,
) {
  const result = await db
    .updateTable('workspace_members')
    .set({ role, version: sql`version + 1` })
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteWorkspaceMember(db: Db, workspaceId: string, userId: string, version: number) {
  const result = await db
    .deleteFrom('workspace_members')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Up to `limit` people of the org whose name or email contains `q`, by name. */
export async function searchOrgPeople(db: Db, orgId: string, q: string, limit: number): Promise<Required<OrgPerson>[]> {
  const rows = await db
    .selectFrom('org_members as m')
    .select(['m.user_id', 'm.name', 'm.email', 'm.role', 'm.lite'])
    .where('m.org_id', '=', orgId)
    .where(nameOrEmailContains(q))
    .orderBy(sql`lower(m.name)`)
    .orderBy('m.user_id')
    .limit(limit)
    .execute();
  return rows.map(({ user_id, ...person }) => ({ userId: user_id, ...person }));
}
