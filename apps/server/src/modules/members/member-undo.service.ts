import {
  MemberRoleChangedDataSchema,
  MemberSchema,
  type Member,
  type UndoMemberChange,
  type UndoMemberChangeResponse,
} from '@roster/contracts';
import type { SessionUser } from '../../auth/auth.ts';
import { DomainError, notFound } from '../../lib/domain-error.ts';
import { runMutation, type MutationContext, type MutationDeps } from '../../mutation/run-mutation.ts';
import { countSeatsUsed, orgWorkspaceIds } from '../invitations/invitation-lookups.repository.ts';
import { assertSeatsAvailable } from '../invitations/invitations.policy.ts';
import { isAboveCeiling, workspaceRoleCeiling } from '../workspaces/workspace-ceiling.policy.ts';
import { assertWorkspaceRoom } from '../workspaces/workspace-seats.ts';
import { conflictFor, notifyAccess } from './member-conflict.ts';
import { findEventBySeq, findRevertOf, insertRestoredMember, type RecordedEvent } from './member-undo.repository.ts';
import { assertUndoable, notRevertible } from './member-undo.policy.ts';
import { authorizeAdmin } from './members.policy.ts';
import { accountIdentity, findMember } from './members.repository.ts';
import { applyRoleChange } from './role-change.ts';

/**
 * Undoes one role change or removal (ADR 0015). It is a change like any other, on the same road:
 * admins only, under the org lock, through the same rules (last admin, creator, seat caps,
 * the external ceiling), with its own audit row naming what it undid (`revertOf`).
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
    const revert = await findRevertOf(ctx.tx, orgId, change);
    assertUndoable({ type: change.type, at: change.at, now: ctx.now, revert });
    return change.type === 'member.role_changed' ? undoRoleChange(ctx, change) : undoRemoval(ctx, change);
  });
}

/** Sets the role back, if the row is still exactly as the change left it (else VERSION_CONFLICT). */
async function undoRoleChange(ctx: MutationContext, change: RecordedEvent): Promise<UndoMemberChangeResponse> {
  const parsed = MemberRoleChangedDataSchema.safeParse(change.data);
  if (!parsed.success) throw notRevertible('not_undoable', 'This change cannot be undone');
  const { member: left, before, workspacesLowered } = parsed.data;
  const target = await findMember(ctx.tx, ctx.org.id, left.userId);
  if (!target) throw new DomainError('NOT_FOUND', `${left.name} is no longer a member of this organization`);
  if (target.version !== left.version) throw conflictFor(target);
  const { member, eventSeq } = await applyRoleChange(ctx, target, before.role, {
    version: target.version,
    revert: { seq: change.seq, lowered: workspacesLowered ?? [] },
  });
  return { member, seq: eventSeq };
}

/** Adds the person back with the role, lite flag and workspace roles the removal's audit row kept. */
async function undoRemoval(ctx: MutationContext, change: RecordedEvent): Promise<UndoMemberChangeResponse> {
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
  notifyAccess(ctx, was.userId, member.role);
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
