import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * Seats a workspace has promised: grants carried by live invitations (requested, or pending and
 * not yet past expiry). They count toward the workspace cap like members do (R5).
 */
export async function countPendingGrants(db: Kysely<Database>, workspaceId: string, now: Date): Promise<number> {
  const { n } = await db
    .selectFrom('invitation_workspaces as g')
    .innerJoin('invitations as i', 'i.id', 'g.invitation_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('g.workspace_id', '=', workspaceId)
    .where((eb) =>
      eb.or([
        eb('i.status', '=', 'requested'),
        eb.and([eb('i.status', '=', 'pending'), eb.or([eb('i.expires_at', 'is', null), eb('i.expires_at', '>', now)])]),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(n);
}
