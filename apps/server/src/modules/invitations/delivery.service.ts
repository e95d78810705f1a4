import type { DeliveryReport } from '../../mail/outbox-worker.ts';
import { runMutation, type MutationDeps } from '../../mutation/run-mutation.ts';
import { authorizeInside, systemUser } from './invitation-context.ts';

/**
 * Records one mail attempt on its invitation through the mutation path, so admins see
 * "Sending", "Sent" or "Mail failed" live. A mail for a link that was replaced since is
 * ignored: the invitation now points at another outbox row. The version is not bumped, as
 * delivery is not something an admin edits.
 */
export async function recordDelivery(deps: MutationDeps, report: DeliveryReport): Promise<void> {
  const spec = { orgId: report.orgId, user: systemUser, action: 'invitation.deliver', authorize: authorizeInside };
  await runMutation(deps, spec, async (ctx) => {
    const { delivery } = report;
    const result = await ctx.tx
      .updateTable('invitations')
      .set({
        delivery_state: delivery.state,
        delivery_attempts: delivery.attempts,
        delivery_error: delivery.lastError,
      })
      .where('id', '=', report.invitationId)
      .where('outbox_id', '=', report.outboxId)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return;
    await ctx.emit({
      type: 'invitation.delivery_changed',
      targetId: report.invitationId,
      before: null,
      after: delivery,
      data: { invitationId: report.invitationId, delivery },
    });
  });
}
