import { InvitationEventDataSchema } from '@roster/contracts';
import { DomainError } from '../../lib/domain-error.ts';
import type { MutationContext } from '../../mutation/run-mutation.ts';
import type { RecordedEvent } from '../events/recorded-events.repository.ts';
import { notRevertible } from '../members/member-undo.policy.ts';
import { inviteInMutation } from './create-invitations.service.ts';
import type { InvitationDeps } from './invitation-context.ts';
import { orgWorkspaceIds } from './invitation-lookups.repository.ts';

/**
 * Undoes a revoke (ADR 22): the revoked link stays dead, and the same address gets a new
 * invitation with the same role, lite flag and the workspace roles whose workspaces still exist,
 * mailed like any other and under the same rules (seat caps, the invite rate, R4).
 */
export async function revertInvitationRevoke(deps: InvitationDeps, ctx: MutationContext, change: RecordedEvent) {
  const data = InvitationEventDataSchema.safeParse(change.data);
  if (!data.success) throw notRevertible('not_undoable', 'This change cannot be reverted');
  const was = data.data.invitation;
  const exists = await orgWorkspaceIds(
    ctx.tx,
    ctx.org.id,
    was.workspaces.map((w) => w.id),
  );
  const workspaces = was.workspaces.filter((w) => exists.has(w.id)).map((w) => ({ workspaceId: w.id, role: w.role }));
  const body = { emails: [was.email], role: was.role, lite: was.lite, workspaces };
  const revert = { revertOf: change.seq, revertedAction: change.type };
  const [result] = (await inviteInMutation(deps, ctx, body, 'invite', revert)).results;
  if (result?.status === 'already_member') {
    throw new DomainError('ALREADY_MEMBER', `${was.email} is a member of this organization now`);
  }
  if (result?.status === 'duplicate') {
    throw new DomainError('DUPLICATE_INVITE', `${was.email} has a live invitation already`);
  }
}
