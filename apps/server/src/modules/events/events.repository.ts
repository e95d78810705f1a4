import type { OrgEvent } from '@roster/contracts';
import type { Db } from '../../db/connect.ts';

/** The org's committed events after `since`, in seq order. */
export async function eventsSince(db: Db, orgId: string, since: number): Promise<OrgEvent[]> {
  const rows = await db
    .selectFrom('events')
    .select(['seq', 'type', 'actor_id', 'actor_name', 'data', 'at'])
    .where('org_id', '=', orgId)
    .where('seq', '>', since)
    .orderBy('seq')
    .execute();
  return rows.map(
    (row) =>
      ({
        orgId,
        seq: row.seq!,
        type: row.type,
        at: new Date(row.at).toISOString(),
        actor: { id: row.actor_id, name: row.actor_name },
        data: row.data,
      }) as OrgEvent,
  );
}
