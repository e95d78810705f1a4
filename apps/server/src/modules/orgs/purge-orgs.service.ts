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
  // An org whose purge failed is left for the next run, not retried first forever.
  const failed: string[] = [];
  while (purged.length < batch) {
    const outcome = await purgeOne(deps, failed);
    if (outcome === null) break;
    if (outcome.purged) {
      purged.push(outcome.orgId);
      deps.logger.info('organization purged', { orgId: outcome.orgId });
    }
  }
  return purged;
}

async function purgeOne(deps: PurgeDeps, failed: string[]): Promise<{ orgId: string; purged: boolean } | null> {
  const now = deps.clock.now();
  let picked: string | null = null;
  try {
    return await deps.db.transaction().execute(async (tx) => {
      let due = tx
        .selectFrom('organizations')
        .select(['id', 'name', 'slug', 'created_by', 'event_seq'])
        .where('status', '=', 'pending_deletion')
        .where('purge_after', '<=', now);
      if (failed.length > 0) due = due.where('id', 'not in', failed);
      const org = await due.orderBy('purge_after').limit(1).forUpdate().skipLocked().executeTakeFirst();
      if (!org) return null;
      picked = org.id;
      const deletion = await tx
        .selectFrom('events')
        .select(['actor_id', 'at'])
        .where('org_id', '=', org.id)
        .where('type', '=', 'org.deleted')
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      await tx
        .insertInto('org_tombstones')
        .values({
          org_id: org.id,
          name: org.name,
          slug: org.slug,
          created_by: org.created_by,
          // Only the creator can delete an org; its event says when.
          deleted_by: deletion?.actor_id ?? org.created_by,
          deleted_at: deletion?.at ?? now,
          purged_at: now,
          last_seq: org.event_seq,
        })
        .execute();
      // The audit log refuses deletes but this org's, named for this transaction only.
      await sql`select set_config('roster.purging_org', ${org.id}, true)`.execute(tx);
      await tx.deleteFrom('organizations').where('id', '=', org.id).execute();
      return { orgId: org.id, purged: true };
    });
  } catch (error) {
    if (picked === null) throw error;
    deps.logger.error('organization purge failed', { orgId: picked, error: String(error) });
    failed.push(picked);
    return { orgId: picked, purged: false };
  }
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
