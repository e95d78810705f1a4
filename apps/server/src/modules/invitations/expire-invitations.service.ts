import { runMutation, type MutationContext, type MutationDeps } from '../../mutation/run-mutation.ts';
import { authorizeInside, emitInvitation, notifyWithdrawn, systemUser } from './invitation-context.ts';
import { expirePastDue } from './invitation-writes.repository.ts';

/**
 * Marks pending invitations past their expiry as expired, with one `invitation.expired` event
 * each. Reads already show them expired; this makes it durable, frees the partial unique index
 * for a new invitation to the same address, and tells admins and invitees live. The version is
 * not bumped: nothing an admin saw changed, so their next action must not conflict.
 */
export async function expireInMutation(ctx: MutationContext, emails?: string[]): Promise<number> {
  const expired = await expirePastDue(ctx.tx, ctx.org.id, ctx.now, emails);
  for (const row of expired) {
    await emitInvitation(ctx, 'invitation.expired', row.id, null);
    await notifyWithdrawn(ctx, row.email_lower, row.id, 'expired');
  }
  return expired.length;
}

/** One sweep: every org with pending invitations past expiry, each through the mutation path. */
export async function sweepExpiredInvitations(deps: MutationDeps, batch = 50): Promise<number> {
  const now = deps.clock.now();
  const orgs = await deps.db
    .selectFrom('invitations')
    .select('org_id')
    .distinct()
    .where('status', '=', 'pending')
    .where('expires_at', '<=', now)
    // A deleted org takes no changes; a restore finds its invitations and the next sweep expires them.
    .where('org_id', 'in', (eb) => eb.selectFrom('organizations').select('id').where('status', '=', 'active'))
    .limit(batch)
    .execute();
  let total = 0;
  for (const { org_id: orgId } of orgs) {
    const spec = { orgId, user: systemUser, action: 'invitation.expire', authorize: authorizeInside };
    total += await runMutation(deps, spec, (ctx) => expireInMutation(ctx));
  }
  return total;
}

export interface ExpirySweeper {
  sweep(): Promise<number>;
  stop(): void;
}

/** Sweeps on an interval that never keeps the process alive on its own. */
export function startExpirySweeper(deps: MutationDeps, intervalMs: number): ExpirySweeper {
  const sweep = () => sweepExpiredInvitations(deps);
  const timer = setInterval(() => {
    sweep().catch((error) => deps.logger.warn('invitation expiry sweep failed', { error: String(error) }));
  }, intervalMs);
  // A browser timer (mock mode) has no unref.
  timer.unref?.();
  return { sweep, stop: () => clearInterval(timer) };
}
