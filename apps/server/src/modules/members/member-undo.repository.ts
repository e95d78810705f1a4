import { sql, type Kysely } from 'kysely';
import type { AlreadyRevertedDetails, Member, OrgRole, WorkspaceRole } from '@roster/contracts';
import type { Database } from '../../db/schema.ts';

type Reader = Kysely<Database>;

/** One committed change of the org, as its event/audit row holds it. */
export interface RecordedEvent {
  id: number;
  seq: number;
  type: string;
  targetId: string | null;
  before: unknown;
  data: unknown;
  at: Date;
}

/** The committed change with this seq, or null (denied attempts have no seq and are never found). */
export async function findEventBySeq(db: Reader, orgId: string, seq: number): Promise<RecordedEvent | null> {
  const row = await db
    .selectFrom('events')
    .select(['id', 'seq', 'type', 'target_id', 'before', 'data', 'at'])
    .where('org_id', '=', orgId)
    .where('seq', '=', seq)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: Number(row.id),
    seq: row.seq!,
    type: row.type,
    targetId: row.target_id,
    before: row.before,
    data: row.data,
    at: new Date(row.at),
  };
}

/**
 * The undo already written for a change, if any: a later event on the same person whose data
 * names the change in `revertOf`. Read under the org lock, so two undos cannot both miss it.
 */
export async function findRevertOf(db: Reader, orgId: string, change: RecordedEvent) {
  if (change.targetId === null) return null;
  const row = await db
    .selectFrom('events')
    .select(['seq', 'actor_id', 'actor_name', 'at'])
    .where('org_id', '=', orgId)
    .where('target_id', '=', change.targetId)
    .where('id', '>', change.id)
    .where('seq', 'is not', null)
    .where(sql<boolean>`(data ->> 'revertOf') = ${String(change.seq)}`)
    .orderBy('id')
    .executeTakeFirst();
  if (!row) return null;
  return {
    revertedBy: { id: row.actor_id, name: row.actor_name },
    revertedAt: new Date(row.at).toISOString(),
    seq: row.seq!,
  } satisfies AlreadyRevertedDetails;
}

export interface RestoredMembership {
  orgId: string;
  userId: string;
  account: { name: string; email: string };
  /** The row as the removal found it: role, lite, when they joined, and its version. */
  was: Pick<Member, 'role' | 'lite' | 'joinedAt' | 'version'> & { role: OrgRole };
  grants: Array<{ workspaceId: string; role: WorkspaceRole }>;
  by: string;
  at: Date;
}

/**
 * Puts a removed person back as they were. The version goes on from the removed row's, never
 * back to 1, so a request still carrying a version from before the removal is a conflict.
 */
export async function insertRestoredMember(db: Reader, m: RestoredMembership): Promise<void> {
  await db
    .insertInto('org_members')
    .values({
      org_id: m.orgId,
      user_id: m.userId,
      role: m.was.role,
      lite: m.was.lite,
      name: m.account.name,
      email: m.account.email.toLowerCase(),
      joined_at: m.was.joinedAt,
      version: m.was.version + 1,
      changed_by: m.by,
      changed_at: m.at,
    })
    .execute();
  if (m.grants.length === 0) return;
  await db
    .insertInto('workspace_members')
    .values(
      m.grants.map((g) => ({
        workspace_id: g.workspaceId,
        user_id: m.userId,
        org_id: m.orgId,
        role: g.role,
        joined_at: m.at,
      })),
    )
    .execute();
}
