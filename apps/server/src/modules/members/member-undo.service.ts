import type { UndoMemberChange, UndoMemberChangeResponse } from '@roster/contracts';
import type { SessionUser } from '../../auth/auth.ts';
import { notFound } from '../../lib/domain-error.ts';
import { runMutation, type MutationDeps } from '../../mutation/run-mutation.ts';
import { findEventBySeq, findRevertOf } from '../events/recorded-events.repository.ts';
import { revertRemoval, revertRoleChange } from './member-revert.ts';
import { assertUndoable } from './member-undo.policy.ts';
import { authorizeAdmin } from './members.policy.ts';

/**
 * Undoes one role change or removal (ADR 0015): the audit log's revert of those two kinds, for a
 * few minutes after the change. A change like any other, on the same road: admins only, under the
 * org lock, through the same rules (last admin, creator, seat caps, the external ceiling), with
 * its own audit row naming what it undid (`revertOf`).
 */
export async function undoMemberChange(
  deps: MutationDeps,
  user: SessionUser,
  orgId: string,
  body: UndoMemberChange,
): Promise<UndoMemberChangeResponse> {
  const spec = { orgId, user, action: 'member.undo', authorize: authorizeAdmin };
  return runMutation(deps, spec, async (ctx) => {
    const change = await findEventBySeq(ctx.tx, orgId, body.eventSeq);
    if (!change) throw notFound('That change');
    const revert = await findRevertOf(ctx.tx, orgId, change.seq);
    assertUndoable({ type: change.type, at: change.at, now: ctx.now, revert });
    return change.type === 'member.role_changed' ? revertRoleChange(ctx, change) : revertRemoval(ctx, change);
  });
}
