import { changedByPerson } from '../api-keys/api-key-token.ts';
import type { Kysely } from 'kysely';
import type { Member, OrgRole, WorkspaceRole } from '@roster/contracts';
import type { Database } from '../../db/schema.ts';

type Reader = Kysely<Database>;

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
      changed_by: changedByPerson(m.by),
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
