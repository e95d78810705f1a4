import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { countPendingGrants } from './pending-grants.repository.ts';
import { assertWorkspaceSeats } from './workspaces.policy.ts';
import { countWorkspaceMembers } from './workspaces.repository.ts';

/**
 * R5 per workspace: members plus live invitation grants, plus `adding` more, must fit the cap.
 * Used where people join a workspace at once and where invitations promise them a seat.
 */
export async function assertWorkspaceRoom(
  db: Kysely<Database>,
  facts: { cap: number | null; workspaceIds: string[]; adding: number; now: Date },
): Promise<void> {
  if (facts.cap === null || facts.adding === 0) return;
  for (const workspaceId of new Set(facts.workspaceIds)) {
    const used =
      (await countWorkspaceMembers(db, workspaceId)) + (await countPendingGrants(db, workspaceId, facts.now));
    assertWorkspaceSeats({ cap: facts.cap, used, adding: facts.adding });
  }
}
