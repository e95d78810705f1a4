import type { ListMembersResponse, Member, UpdateMemberRole } from '@roster/contracts';
import { z } from 'zod';
import { ListMembersQuerySchema } from '@roster/contracts';
import type { SessionUser } from '../../auth/auth.ts';
import { runMutation, type MutationDeps } from '../../mutation/run-mutation.ts';
import { readOrgAccess } from '../orgs/org-access.repository.ts';
import {
  assertCanManageMembers,
  assertLeaveAllowed,
  assertRemovalAllowed,
  authorizeAdmin,
  authorizeMember,
} from './members.policy.ts';
import { currentMember, notifyAccess, versionConflict } from './member-conflict.ts';
import { adminCountIf, countAdmins, deleteMember, findMember, listMembers } from './members.repository.ts';
import { applyRoleChange } from './role-change.ts';

type ListQuery = z.output<typeof ListMembersQuerySchema>;

/** R1: admins see the directory; members too when the org allows it; externals never. */
export async function listOrgMembers(
  deps: MutationDeps,
  user: SessionUser,
  orgId: string,
  query: ListQuery,
): Promise<ListMembersResponse> {
  // The seq is read before the rows: any change after it is replayed by sync, and replaying a
  // change the rows already show is harmless (clients ignore versions they have).
  const access = await readOrgAccess(deps.db, orgId, user.id);
  const mayView = access?.role === 'ADMIN' || (access?.role === 'MEMBER' && access.settings.membersCanViewDirectory);
  if (!mayView) assertCanManageMembers(access?.role ?? null);
  const page = await listMembers(deps.db, orgId, query);
  return { ...page, seq: access!.eventSeq };
}

/** A change an admin may undo: what it left, and the seq of its event (null when nothing changed). */
export interface RecordedChange<T> {
  result: T;
  eventSeq: number | null;
}

export async function changeMemberRole(
  deps: MutationDeps,
  user: SessionUser,
  orgId: string,
  userId: string,
  body: UpdateMemberRole,
): Promise<Member> {
  return (await changeMemberRoleRecorded(deps, user, orgId, userId, body)).result;
}

/** Changes one role; the answer names the change's event, so the admin can undo it. */
export async function changeMemberRoleRecorded(
  deps: MutationDeps,
  user: SessionUser,
  orgId: string,
  userId: string,
  body: UpdateMemberRole,
): Promise<RecordedChange<Member>> {
  const spec = { orgId, user, action: 'member.change_role', targetId: userId, authorize: authorizeAdmin };
  return runMutation(deps, spec, async (ctx) => {
    const target = await currentMember(ctx, userId, body.version);
    if (target.role === body.role) return { result: target, eventSeq: null };
    const { member, eventSeq } = await applyRoleChange(ctx, target, body.role, { version: body.version });
    return { result: member, eventSeq };
  });
}

export async function removeMember(
  deps: MutationDeps,
  user: SessionUser,
  orgId: string,
  userId: string,
  version: number | undefined,
): Promise<void> {
  await removeMemberRecorded(deps, user, orgId, userId, version);
}

/**
 * Removes one person (R12). The audit row's `before` is the whole row, workspace roles
 * included: it is what an undo puts back.
 */
export async function removeMemberRecorded(
  deps: MutationDeps,
  user: SessionUser,
  orgId: string,
  userId: string,
  version: number | undefined,
): Promise<RecordedChange<null>> {
  const spec = { orgId, user, action: 'member.remove', targetId: userId, authorize: authorizeAdmin };
  return runMutation(deps, spec, async (ctx) => {
    const target = await currentMember(ctx, userId, version);
    assertRemovalAllowed({
      actorId: ctx.actor.id,
      actorRole: ctx.actor.role,
      target,
      creatorId: ctx.org.createdBy,
      adminCount: await adminCountIf(ctx.tx, orgId, target.role === 'ADMIN'),
      settings: ctx.org.settings,
    });
    if (!(await deleteMember(ctx.tx, orgId, userId, target.version))) throw await versionConflict(ctx, userId);
    const event = await ctx.emit({
      type: 'member.removed',
      targetId: userId,
      before: target,
      after: null,
      data: { userId, name: target.name, workspaceIds: target.workspaces.map((w) => w.id) },
    });
    notifyAccess(ctx, userId, null, target.workspaces);
    return { result: null, eventSeq: event.seq };
  });
}

/** Leaving on your own, when the org allows it (R10); never as the last admin (R9). */
export async function leaveOrg(deps: MutationDeps, user: SessionUser, orgId: string): Promise<void> {
  const spec = { orgId, user, action: 'member.leave', targetId: user.id, authorize: authorizeMember };
  await runMutation(deps, spec, async (ctx) => {
    const self = (await findMember(ctx.tx, orgId, user.id))!;
    assertLeaveAllowed({
      role: self.role,
      isCreator: ctx.org.createdBy === user.id,
      adminCount: await countAdmins(ctx.tx, orgId),
      settings: ctx.org.settings,
    });
    await deleteMember(ctx.tx, orgId, user.id, self.version);
    await ctx.emit({
      type: 'member.left',
      targetId: user.id,
      before: self,
      after: null,
      data: { userId: user.id, name: self.name, workspaceIds: self.workspaces.map((w) => w.id) },
    });
    notifyAccess(ctx, user.id, null, self.workspaces);
  });
}
