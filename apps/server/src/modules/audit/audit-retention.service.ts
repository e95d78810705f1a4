import { sql } from 'kysely';
import type { MutationDeps } from '../../mutation/run-mutation.ts';
import { runMutation } from '../../mutation/run-mutation.ts';
import { authorizeInside, systemUser } from '../invitations/invitation-context.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Entries deleted per transaction: the org's lock is held for one batch, not for a whole backlog. */
const RETENTION_BATCH = 5_000;

/**
 * Applies each org's `auditRetentionDays`: entries older than that many days are deleted, and
 * each deletion is itself recorded (`audit.retention_applied`, naming the cutoff and the count).
 * Each batch goes through the mutation path under the org's lock, so processes sweeping at once
 * take turns and the later one finds nothing left (and records nothing). An org that fails is
 * logged and left for the next run; the others go on.
 */
export async function applyAuditRetention(deps: MutationDeps): Promise<number> {
  const orgs = await deps.db
    .selectFrom('organizations')
    .select(['id'])
    .where('status', '=', 'active')
    .where(sql<boolean>`(settings ->> 'auditRetentionDays') is not null`)
    .execute();
  let deleted = 0;
  for (const { id: orgId } of orgs) {
    try {
      for (;;) {
        const count = await deleteOneBatch(deps, orgId);
        deleted += count;
        if (count < RETENTION_BATCH) break;
      }
    } catch (error) {
      deps.logger.warn('audit retention failed for an organization', { orgId, error: String(error) });
    }
  }
  return deleted;
}

async function deleteOneBatch(deps: MutationDeps, orgId: string): Promise<number> {
  const spec = { orgId, user: systemUser, action: 'audit.retention', authorize: authorizeInside };
  return runMutation(deps, spec, async (ctx) => {
    const days = ctx.org.settings.auditRetentionDays;
    if (days === null) return 0;
    const before = new Date(ctx.now.getTime() - days * DAY_MS);
    // The log's trigger lets these deletes through for this org and cutoff, in this transaction only.
    await sql`select set_config('roster.retention_org', ${orgId}, true), set_config('roster.retention_before', ${before.toISOString()}, true)`.execute(
      ctx.tx,
    );
    const result = await ctx.tx
      .deleteFrom('events')
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('events')
          .select('id')
          .where('org_id', '=', orgId)
          .where('at', '<', before)
          .orderBy('id')
          .limit(RETENTION_BATCH),
      )
      .executeTakeFirst();
    const count = Number(result.numDeletedRows);
    if (count === 0) return 0;
    const data = { before: before.toISOString(), deleted: count, retentionDays: days };
    await ctx.emit({ type: 'audit.retention_applied', targetId: orgId, before: null, after: data, data });
    return count;
  });
}

export interface AuditRetention {
  apply(): Promise<number>;
  stop(): void;
}

/** Applies retention on an interval that never keeps the process alive on its own. */
export function startAuditRetention(deps: MutationDeps, intervalMs: number): AuditRetention {
  const apply = () => applyAuditRetention(deps);
  const timer = setInterval(() => {
    apply().catch((error) => deps.logger.warn('audit retention failed', { error: String(error) }));
  }, intervalMs);
  timer.unref?.();
  return { apply, stop: () => clearInterval(timer) };
}
