import type { OrgRole, WorkspaceRole } from '@roster/contracts';
import type { Db } from '../../db/connect.ts';
import type { MutationContext } from '../../mutation/run-mutation.ts';
import type { Publisher } from '../../realtime/publisher.ts';

/**
 * R2: a workspace's page is live for its owners, through its owners room. Org admins are never
 * in it: they hear every change in the admin room already, and must not hear it twice. Whoever
 * has no access to the org (removed, deleted org, shut out by its two-factor requirement: null)
 * is in none.
 */
export function sitsInOwnersRoom(orgRole: OrgRole | null, workspaceRole: WorkspaceRole | null): boolean {
  return orgRole !== null && orgRole !== 'ADMIN' && workspaceRole === 'OWNER';
}

export type HeldWorkspace = { id: string; role: WorkspaceRole | null };

/**
 * A person's org access changed: their sockets follow it in the owners room of each workspace
 * they hold a role in (as the change leaves them; as they were, when the change took them away).
 */
export function setOwnerRooms(
  publisher: Publisher,
  orgId: string,
  userId: string,
  orgRole: OrgRole | null,
  workspaces: readonly HeldWorkspace[],
) {
  for (const w of workspaces) publisher.setWorkspaceAccess(orgId, w.id, userId, sitsInOwnersRoom(orgRole, w.role));
}

/** `setOwnerRooms` once the change commits, before it is published. */
export function placeInOwnerRooms(
  ctx: MutationContext,
  userId: string,
  orgRole: OrgRole | null,
  workspaces: readonly HeldWorkspace[],
) {
  if (workspaces.length === 0) return;
  const orgId = ctx.org.id;
  const held = workspaces.map(({ id, role }) => ({ id, role }));
  ctx.afterCommit((publisher) => setOwnerRooms(publisher, orgId, userId, orgRole, held));
}

/** The workspaces of an org each person owns there (owners are few: one read of them all). */
export async function ownedWorkspacesIn(db: Db, orgId: string): Promise<Map<string, HeldWorkspace[]>> {
  const rows = await db
    .selectFrom('workspace_members')
    .select(['user_id', 'workspace_id'])
    .where('org_id', '=', orgId)
    .where('role', '=', 'OWNER')
    .execute();
  const owned = new Map<string, HeldWorkspace[]>();
  for (const row of rows) {
    const mine = owned.get(row.user_id) ?? [];
    mine.push({ id: row.workspace_id, role: 'OWNER' });
    owned.set(row.user_id, mine);
  }
  return owned;
}
