import type { ListMembersResponse, Member, OrgRole, UpdateMemberRole } from '@roster/contracts';
import { z } from 'zod';
import { ListMembersQuerySchema } from '@roster/contracts';
import type { SessionUser } from '../../auth/auth.ts';
import { DomainError, notFound } from '../../lib/domain-error.ts';
import { runMutation, type MutationContext, type MutationDeps } from '../../mutation/run-mutation.ts';
import { readOrgAccess } from '../orgs/org-access.repository.ts';
import {
  assertCanManageMembers,
  assertLeaveAllowed,
  assertRemovalAllowed,
  assertRoleChangeAllowed,
  authorizeAdmin,
  authorizeMember,
} from './members.policy.ts';
import { countAdmins, deleteMember, findMember, listMembers, updateMemberRole } from './members.repository.ts';

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

export async function changeMemberRole(
  deps: MutationDeps,
  user: SessionUser,
  orgId: string,
  userId: string,
  body: UpdateMemberRole,
): Promise<Member> {
  const spec = { orgId, user, action: 'member.change_role', targetId: userId, authorize: authorizeAdmin };
  return runMutation(deps, spec, async (ctx) => {
    const target = await currentMember(ctx, userId, body.version);
    if (target.role === body.role) return target;
    assertRoleChangeAllowed({
      actorId: ctx.actor.id,
      actorRole: ctx.actor.role,
      target,
      newRole: body.role,
      creatorId: ctx.org.createdBy,
      adminCount: await countAdmins(ctx.tx, orgId),
      settings: ctx.org.settings,
    });
    const written = await updateMemberRole(ctx.tx, {
      orgId,
      userId,
      role: body.role,
      version: body.version,
      by: ctx.actor.id,
      at: ctx.now,
    });
    if (!written) throw await versionConflict(ctx, userId);
    const member = (await findMember(ctx.tx, orgId, userId))!;
    await ctx.emit({
      type: 'member.role_changed',
      targetId: userId,
      before: { role: target.role },
      after: { role: member.role },
      data: { member, before: { role: target.role } },
    });
    notifyAccess(ctx, userId, member.role);
    return member;
  });
}

export async function removeMember(
  deps: MutationDeps,
  user: SessionUser,
  orgId: string,
  userId: string,
  version: number | undefined,
): Promise<void> {
  const spec = { orgId, user, action: 'member.remove', targetId: userId, authorize: authorizeAdmin };
  await runMutation(deps, spec, async (ctx) => {
    const target = await currentMember(ctx, userId, version);
    assertRemovalAllowed({
      actorId: ctx.actor.id,
      actorRole: ctx.actor.role,
      target,
      creatorId: ctx.org.createdBy,
      adminCount: await countAdmins(ctx.tx, orgId),
      settings: ctx.org.settings,
    });
    if (!(await deleteMember(ctx.tx, orgId, userId, target.version))) throw await versionConflict(ctx, userId);
    await ctx.emit({
      type: 'member.removed',
      targetId: userId,
      before: target,
      after: null,
      data: { userId, name: target.name },
    });
    notifyAccess(ctx, userId, null);
  });
}

/** The target as it is now; a stale `version` is a conflict that shows who changed it. */
async function currentMember(ctx: MutationContext, userId: string, version: number | undefined): Promise<Member> {
  const member = await findMember(ctx.tx, ctx.org.id, userId);
  if (!member) throw notFound('That member');
  if (version !== undefined && member.version !== version) throw conflictFor(member);
  return member;
}

async function versionConflict(ctx: MutationContext, userId: string): Promise<DomainError> {
  const member = await findMember(ctx.tx, ctx.org.id, userId);
  return member ? conflictFor(member) : notFound('That member');
}

function conflictFor(member: Member): DomainError {
  const who = member.lastChange?.by.name ?? 'Someone';
  return new DomainError(
    'VERSION_CONFLICT',
    `${who} changed ${member.name} in the meantime; your change was not applied`,
    {
      current: member,
      changedBy: member.lastChange?.by ?? null,
      changedAt: member.lastChange?.at ?? null,
    },
  );
}

/** R16: the person's own tabs learn their new access at once, and their sockets change rooms. */
function notifyAccess(ctx: MutationContext, userId: string, role: OrgRole | null) {
  const orgId = ctx.org.id;
  ctx.notify(userId, { type: 'access.changed', data: { role } });
  ctx.afterCommit((publisher) => publisher.setAccess(orgId, userId, role));
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
      data: { userId: user.id, name: self.name },
    });
    notifyAccess(ctx, user.id, null);
  });
}
