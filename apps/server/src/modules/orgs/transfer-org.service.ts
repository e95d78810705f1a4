import type { OrgResponse, TransferOrg } from '@roster/contracts';
import type { SessionUser } from '../../auth/auth.ts';
import { runMutation, type MutationDeps } from '../../mutation/run-mutation.ts';
import { conflict, summaryOf } from './orgs.service.ts';
import { assertMayReceiveCreatorRole, authorizeCreator } from './orgs.policy.ts';
import { readMember, readOrg, writeCreator } from './orgs.repository.ts';

/**
 * R20: the creator hands the creator role to another ADMIN, at the org's version. Under the org
 * lock the target's role is read as it is now, so a demotion racing the hand-over either lands
 * first (and the hand-over is refused) or finds the target protected as the new creator.
 */
export async function transferOrganization(
  deps: MutationDeps,
  user: SessionUser,
  orgId: string,
  body: TransferOrg,
): Promise<OrgResponse> {
  const spec = { orgId, user, action: 'org.transfer', targetId: body.userId, authorize: authorizeCreator };
  return runMutation(deps, spec, async (ctx) => {
    const current = (await readOrg(ctx.tx, orgId))!;
    if (current.version !== body.version) throw conflict(current);
    const target = await readMember(ctx.tx, orgId, body.userId);
    assertMayReceiveCreatorRole({
      actorId: ctx.actor.id,
      target: target ? { userId: target.user_id, role: target.role } : null,
    });
    if (!(await writeCreator(ctx.tx, orgId, body.userId, body.version))) throw conflict(current);
    const org = { ...summaryOf(current), version: current.version + 1 };
    const data = {
      org,
      from: { id: ctx.actor.id, name: ctx.actor.name },
      to: { id: target!.user_id, name: target!.name },
    };
    await ctx.emit({
      type: 'org.transferred',
      targetId: body.userId,
      before: { creatorId: ctx.actor.id },
      after: { creatorId: body.userId },
      data,
    });
    ctx.broadcast({ type: 'org.transferred', data });
    return { org };
  });
}
