import { MemberRoleChangedDataSchema, MemberSchema, type Member } from '@roster/contracts';
import { DomainError } from '../../lib/domain-error.ts';
import type { MutationContext } from '../../mutation/run-mutation.ts';
import type { RecordedEvent } from '../events/recorded-events.repository.ts';
import { countSeatsUsed, orgWorkspaceIds } from '../invitations/invitation-lookups.repository.ts';
import { assertSeatsAvailable } from '../invitations/invitations.policy.ts';
import { isAboveCeiling, workspaceRoleCeiling } from '../workspaces/workspace-ceiling.policy.ts';
import { assertWorkspaceRoom } from '../workspaces/workspace-seats.ts';
import { conflictFor, notifyAccess } from './member-conflict.ts';
import { insertRestoredMember } from './member-undo.repository.ts';
import { notRevertible } from './member-undo.policy.ts';
import { accountIdentity, findMember } from './members.repository.ts';
import { applyRoleChange } from './role-change.ts';

/** A revert's outcome: the member as it left them, and the `seq` of its own event. */
export interface MemberReverted {
  member: Member;
  seq: number;
}

/**
 * Sets the role back (ADR 0015, ADR 22). `version` is the member's version as the reader saw it;
 * without one the row must still be exactly as the change left it. Either way a row changed
 * since is a VERSION_CONFLICT naming who changed it.
 */
export async function revertRoleChange(
  ctx: MutationContext,
  change: RecordedEvent,
  version?: number,
): Promise<MemberReverted> {
  const parsed = MemberRoleChangedDataSchema.safeParse(change.data);
  if (!parsed.success) throw notRevertible('not_undoable', 'This change cannot be undone');
  const { member: left, before, workspacesLowered } = parsed.data;
  const target = await findMember(ctx.tx, ctx.org.id, left.userId);
  if (!target) {
    const account = await accountIdentity(ctx.tx, left.userId);
    if (!account) throw notRevertible('account_deleted', `${left.name} deleted their account since`);
    throw new DomainError('NOT_FOUND', `${left.name} is no longer a member of this organization`);
  }
  if (target.version !== (version ?? left.version)) throw conflictFor(target);
  if (target.role === before.role) throw notRevertible('nothing_to_revert', `${target.name} is ${before.role} already`);
  const { member, eventSeq } = await applyRoleChange(ctx, target, before.role, {
    version: target.version,
    revert: { seq: change.seq, lowered: workspacesLowered ?? [] },
  });
  return { member, seq: eventSeq };
}

/** Adds the person back with the role, lite flag and workspace roles the removal's audit row kept. */
export async function revertRemoval(ctx: MutationContext, change: RecordedEvent): Promise<MemberReverted> {
  const orgId = ctx.org.id;
  const parsed = MemberSchema.safeParse(change.before);
  if (!parsed.success) throw notRevertible('not_undoable', 'This removal cannot be undone');
  const was = parsed.data;
  const account = await accountIdentity(ctx.tx, was.userId);
  if (!account) throw notRevertible('account_deleted', `${was.name} deleted their account since`);
  const now = await findMember(ctx.tx, orgId, was.userId);
  if (now) throw new DomainError('ALREADY_MEMBER', `${now.name} is a member again already`, { current: now });
  assertSeatsAvailable(ctx.org.settings.memberCap, await countSeatsUsed(ctx.tx, orgId, ctx.now), 1);
  const grants = await restorableGrants(ctx, was);
  await assertWorkspaceRoom(ctx.tx, {
    cap: ctx.org.settings.workspaceMemberCap,
    workspaceIds: grants.map((g) => g.workspaceId),
    adding: 1,
    now: ctx.now,
  });
  await insertRestoredMember(ctx.tx, {
    orgId,
    userId: was.userId,
    account,
    was,
    grants,
    by: ctx.actor.id,
    at: ctx.now,
  });
  const member = (await findMember(ctx.tx, orgId, was.userId))!;
  const event = await ctx.emit({
    type: 'member.joined',
    targetId: was.userId,
    before: null,
    after: member,
    data: { member, revertOf: change.seq, revertedAction: 'member.removed' },
  });
  // Their tabs learn their access is back, and their sockets rejoin the org's rooms.
  notifyAccess(ctx, was.userId, member.role, member.workspaces);
  return { member, seq: event.seq };
}

/**
 * The workspace roles to give back: those of workspaces that still exist, each at most what the
 * restored org role allows (R11, R22; the same as at removal unless the rules changed since).
 */
async function restorableGrants(ctx: MutationContext, was: Pick<Member, 'role' | 'lite' | 'workspaces'>) {
  const exists = await orgWorkspaceIds(
    ctx.tx,
    ctx.org.id,
    was.workspaces.map((w) => w.id),
  );
  const ceiling = workspaceRoleCeiling({ orgRole: was.role, lite: was.lite });
  return was.workspaces
    .filter((w) => exists.has(w.id))
    .map((w) => ({ workspaceId: w.id, role: isAboveCeiling(w.role, ceiling) ? ceiling : w.role }));
}
