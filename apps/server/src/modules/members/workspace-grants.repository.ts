import { sql, type Kysely } from 'kysely';
import type { WorkspaceRole } from '@roster/contracts';
import type { Database } from '../../db/schema.ts';

export interface WorkspaceGrant {
  userId: string;
  workspaceId: string;
  workspaceName: string;
  role: WorkspaceRole;
}

/** Every workspace role of these people in the org, with the workspace's name, by name. */
export async function workspaceGrantsOf(
  db: Kysely<Database>,
  orgId: string,
  userIds: string[],
): Promise<WorkspaceGrant[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('workspace_members as wm')
    .innerJoin('workspaces as w', 'w.id', 'wm.workspace_id')
    .select(['wm.user_id', 'wm.workspace_id', 'w.name', 'wm.role'])
    .where('wm.org_id', '=', orgId)
    .where('wm.user_id', 'in', userIds)
    .orderBy('w.name')
    .orderBy('w.id')
    .execute();
  return rows.map((r) => ({ userId: r.user_id, workspaceId: r.workspace_id, workspaceName: r.name, role: r.role }));
}

/**
 * Sets one workspace role as part of an org role change. The org lock is held, and every
 * workspace change takes it too, so the row is as just read: only the version moves on.
 */
export async function setWorkspaceRole(
  db: Kysely<Database>,
  grant: { workspaceId: string; userId: string; role: WorkspaceRole },
): Promise<void> {
  await db
    .updateTable('workspace_members')
    .set({ role: grant.role, version: sql`version + 1` })
    .where('workspace_id', '=', grant.workspaceId)
    .where('user_id', '=', grant.userId)
    .execute();
}
