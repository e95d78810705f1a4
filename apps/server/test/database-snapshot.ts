import { sql } from 'kysely';
import type { Db } from '../src/db/connect.ts';

/**
 * What a refused request must leave exactly as it was: the row count of every table a change
 * writes, the sum of every version (so an update shows even when no row is added), and each
 * org's event `seq`. Audited denials (`access.denied`, no seq) and limit counters are writes a
 * refusal is meant to make, so they are left out.
 */
export async function databaseSnapshot(db: Db): Promise<Record<string, number>> {
  const { rows } = await sql<Record<string, string | number>>`
    select
      (select count(*) from users) as users,
      (select coalesce(sum(version), 0) from users) as user_versions,
      (select count(*) from accounts) as accounts,
      (select count(*) from sessions) as sessions,
      (select count(*) from two_factors) as two_factors,
      (select count(*) from organizations) as organizations,
      (select coalesce(sum(version), 0) from organizations) as org_versions,
      (select coalesce(sum(event_seq), 0) from organizations) as event_seqs,
      (select count(*) from org_members) as org_members,
      (select coalesce(sum(version), 0) from org_members) as member_versions,
      (select count(*) from workspaces) as workspaces,
      (select count(*) from workspace_members) as workspace_members,
      (select coalesce(sum(version), 0) from workspace_members) as workspace_member_versions,
      (select count(*) from invitations) as invitations,
      (select coalesce(sum(version), 0) from invitations) as invitation_versions,
      (select count(*) from invitation_workspaces) as invitation_workspaces,
      (select count(*) from idempotency_keys) as idempotency_keys,
      (select count(*) from api_keys) as api_keys,
      (select count(*) from api_keys where revoked_at is not null) as revoked_api_keys,
      (select count(*) from events where seq is not null) as events
  `.execute(db);
  return Object.fromEntries(Object.entries(rows[0]!).map(([key, value]) => [key, Number(value)]));
}
