import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Clock } from '../../lib/clock.ts';
import type { Logger } from '../../lib/logger.ts';

export interface PurgeDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
}

/**
 * Removes, for good, each deleted org whose grace period is over: its row and, by cascade,
 * everything in it (members, workspaces, invitations, events). A tombstone row stays. Each org
 * goes in its own transaction holding its row lock; `skip locked` lets several processes sweep
 * at once without waiting for or purging the same org twice, and an org a restore holds is
 * skipped (the restore then wins or finds the grace period over).
 */
export async function purgeDueOrgs(deps: PurgeDeps, batch = 20): Promise<string[]> {
  const purged: string[] = [];
  while (purged.length < batch) {
    const orgId = await purgeOne(deps);
    if (!orgId) break;
    purged.push(orgId);
    deps.logger.info('organization purged', { orgId });
  }
  return purged;
}

async function purgeOne(deps: PurgeDeps): Promise<string | null> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const org = await tx
      .selectFrom('organizations')
      .select(['id', 'name', 'slug', 'created_by', 'event_seq'])
      .where('status', '=', 'pending_deletion')
      .where('purge_after', '<=', now)
      .orderBy('purge_after')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!org) return null;
    const deletion = await tx
      .selectFrom('events')
      .select(['actor_id', 'at'])
      .where('org_id', '=', org.id)
      .where('type', '=', 'org.deleted')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('org_tombstones')
      .values({
        org_id: org.id,
        name: org.name,
        slug: org.slug,
        created_by: org.created_by,
        deleted_by: deletion.actor_id,
        deleted_at: deletion.at,
        purged_at: now,
        last_seq: org.event_seq,
      })
      .execute();
    // The audit log refuses deletes but this org's, named for this transaction only.
    await sql`select set_config('roster.purging_org', ${org.id}, true)`.execute(tx);
    await tx.deleteFrom('organizations').where('id', '=', org.id).execute();
    return org.id;
  });
}

export interface OrgPurger {
  purge(): Promise<string[]>;
  stop(): void;
}

/** Purges on an interval that never keeps the process alive on its own. */
export function startOrgPurger(deps: PurgeDeps, intervalMs: number): OrgPurger {
  const purge = () => purgeDueOrgs(deps);
  const timer = setInterval(() => {
    purge().catch((error) => deps.logger.warn('organization purge failed', { error: String(error) }));
  }, intervalMs);
  timer.unref?.();
  return { purge, stop: () => clearInterval(timer) };
}
