import type { OrgRole, Workspace, WorkspaceMember, WorkspacePeopleResponse, WorkspaceRole } from '@roster/contracts';
import type { SessionUser } from '../../auth/auth.ts';
import { DomainError, forbidden, notFound } from '../../lib/domain-error.ts';
import { runMutation, type MutationContext, type MutationDeps } from '../../mutation/run-mutation.ts';
import { authorizeAdmin } from '../members/members.policy.ts';
import { findMember } from '../members/members.repository.ts';
import { readOrgAccess } from '../orgs/org-access.repository.ts';
import { assertNameFree } from './workspace-names.ts';
import { assertWorkspaceRoom } from './workspace-seats.ts';
import type { PeopleSearchLimit } from './people-search-limit.ts';
import { peopleSearchTerms, shownPerson } from './people-search.policy.ts';
import { assertWithinCeiling } from './workspace-ceiling.policy.ts';
import { assertCanManageWorkspace, assertOwnerKept } from './workspaces.policy.ts';
import * as repo from './workspaces.repository.ts';
import { emitWorkspaceChange, workspaceConflict as conflict } from './workspace-member-events.ts';

/** Every member sees the workspaces they belong to; admins see all of them. */
export async function listOrgWorkspaces(deps: MutationDeps, user: SessionUser, orgId: string) {
  const access = await readOrgAccess(deps.db, orgId, user.id);
  if (!access) throw forbidden('You are not a member of this organization');
  return {
    items: await repo.listWorkspaces(deps.db, orgId, { id: user.id, orgRole: access.role }),
    seq: access.eventSeq,
  };
}

export async function createOrgWorkspace(
  deps: MutationDeps,
  user: SessionUser,
  orgId: string,
  name: string,
): Promise<Workspace> {
  return runMutation(deps, { orgId, user, action: 'workspace.create', authorize: authorizeAdmin }, async (ctx) => {
    await assertNameFree(ctx, name, null);
    const id = await repo.createWorkspace(ctx.tx, orgId, name, ctx.now);
    const workspace = (await repo.listWorkspaces(ctx.tx, orgId, { id: user.id, orgRole: 'ADMIN' })).find(
      (w) => w.id === id,
    )!;
    await ctx.emit({ type: 'workspace.created', targetId: id, before: null, after: { name }, data: { workspace } });
    return workspace;
  });
}

/** The workspace, for org admins and its owners (R2); refuses everyone else. */
async function workspaceForManager(deps: MutationDeps, user: SessionUser, orgId: string, workspaceId: string) {
  const access = await readOrgAccess(deps.db, orgId, user.id);
  if (!access) throw forbidden('You are not a member of this organization');
  const visible = await repo.listWorkspaces(deps.db, orgId, { id: user.id, orgRole: access.role });
  const workspace = visible.find((w) => w.id === workspaceId);
  if (!workspace) throw access.role === 'ADMIN' ? notFound('That workspace') : forbidden();
  assertCanManageWorkspace(access.role, workspace.myRole);
  return { access, workspace };
}

/** Columns of a workspace's member list; for org admins and that workspace's owners (R2). */
export async function listMembersOfWorkspace(
  deps: MutationDeps,
  user: SessionUser,
  orgId: string,
  workspaceId: string,
) {
  const { access, workspace } = await workspaceForManager(deps, user, orgId, workspaceId);
  return { workspace, items: await repo.listWorkspaceMembers(deps.db, workspaceId), seq: access.eventSeq };
}

/** What the "Add users" search needs beyond the mutation path: the shared searches-a-minute limit. */
export interface PeopleSearchDeps extends MutationDeps {
  peopleSearchLimit: PeopleSearchLimit;
}

/** The "Add users" search: people of the org, for whoever manages this workspace (R1 still holds). */
export async function searchPeopleForWorkspace(
  deps: PeopleSearchDeps,
  user: SessionUser,
  orgId: string,
  workspaceId: string,
  query: { q: string; limit: number },
): Promise<WorkspacePeopleResponse> {
  const { access } = await workspaceForManager(deps, user, orgId, workspaceId);
  const terms = peopleSearchTerms(access.role, query.q, query.limit);
  if (terms.limited) await deps.peopleSearchLimit.take(user.id);
  const people = await repo.searchOrgPeople(deps.db, orgId, query.q, terms.limit);
  return { items: people.map((person) => shownPerson(person, terms)) };
}

/** R13: people already in the org join the workspace at once. */
export async function addWorkspaceMembers(
  deps: MutationDeps,
  user: SessionUser,
  orgId: string,
  workspaceId: string,
  body: { userIds: string[]; role: WorkspaceRole },
): Promise<WorkspaceMember[]> {
  return runMutation(deps, workspaceSpec(orgId, user, 'workspace.add_members', workspaceId), async (ctx) => {
    const { workspace } = await authorizeInWorkspace(ctx, workspaceId);
    const userIds = [...new Set(body.userIds)];
    const people = [];
    for (const userId of userIds) {
      const member = await findMember(ctx.tx, orgId, userId);
      if (!member)
        throw new DomainError(
          'VALIDATION_FAILED',
          'Only people already in the organization can be added; invite anyone else',
          { userId },
        );
      assertWithinCeiling({ orgRole: member.role, lite: member.lite, name: member.name }, body.role);
      if (!(await repo.findWorkspaceMember(ctx.tx, workspaceId, userId))) people.push(member);
    }
    const cap = ctx.org.settings.workspaceMemberCap;
    await assertWorkspaceRoom(ctx.tx, { cap, workspaceIds: [workspaceId], adding: people.length, now: ctx.now });
    const added: WorkspaceMember[] = [];
    for (const person of people) {
      await repo.insertWorkspaceMember(ctx.tx, {
        orgId,
        workspaceId,
        userId: person.userId,
        role: body.role,
        at: ctx.now,
      });
      const workspaceMember = (await repo.findWorkspaceMember(ctx.tx, workspaceId, person.userId))!;
      await emitWorkspaceChange(ctx, 'workspace.member_added', workspace, workspaceMember, null);
      added.push(workspaceMember);
    }
    return added;
  });
}

export async function changeWorkspaceRole(
  deps: MutationDeps,
  user: SessionUser,
  orgId: string,
  workspaceId: string,
  userId: string,
  body: { role: WorkspaceRole; version: number },
): Promise<WorkspaceMember> {
  return runMutation(deps, workspaceSpec(orgId, user, 'workspace.change_role', userId), async (ctx) => {
    const { actorRole, workspace } = await authorizeInWorkspace(ctx, workspaceId);
    const target = await currentWorkspaceMember(ctx, workspaceId, userId, body.version);
    if (target.role === body.role) return target;
    assertWithinCeiling(target, body.role);
    assertOwnerKept({
      actorOrgRole: actorRole,
      losingOwner: target.role === 'OWNER',
      ownerCount: await repo.countWorkspaceMembers(ctx.tx, workspaceId, 'OWNER'),
    });
    if (!(await repo.updateWorkspaceRole(ctx.tx, workspaceId, userId, body.role, body.version))) throw conflict(target);
    const updated = (await repo.findWorkspaceMember(ctx.tx, workspaceId, userId))!;
    await emitWorkspaceChange(ctx, 'workspace.member_role_changed', workspace, updated, target);
    return updated;
  });
}

/** Removes someone from this workspace only; their org membership and other workspaces stay. */
export async function removeFromWorkspace(
  deps: MutationDeps,
  user: SessionUser,
  orgId: string,
  workspaceId: string,
  userId: string,
  version: number | undefined,
): Promise<void> {
  await runMutation(deps, workspaceSpec(orgId, user, 'workspace.remove_member', userId), async (ctx) => {
    const { actorRole, workspace } = await authorizeInWorkspace(ctx, workspaceId);
    const target = await currentWorkspaceMember(ctx, workspaceId, userId, version);
    assertOwnerKept({
      actorOrgRole: actorRole,
      losingOwner: target.role === 'OWNER',
      ownerCount: await repo.countWorkspaceMembers(ctx.tx, workspaceId, 'OWNER'),
    });
    if (!(await repo.deleteWorkspaceMember(ctx.tx, workspaceId, userId, target.version))) throw conflict(target);
    await emitWorkspaceChange(ctx, 'workspace.member_removed', workspace, null, target);
  });
}

function workspaceSpec(orgId: string, user: SessionUser, action: string, targetId: string) {
  return {
    orgId,
    user,
    action,
    targetId,
    // Workspace owners need not be org admins: membership is checked here, the workspace role inside.
    authorize: (actor: { role: OrgRole | null }) => {
      if (actor.role === null) throw forbidden('You are not a member of this organization');
    },
  };
}

/** The workspace, and the actor's org role, once they are known to manage it. */
async function authorizeInWorkspace(ctx: MutationContext, workspaceId: string) {
  const workspace = await repo.findWorkspace(ctx.tx, ctx.org.id, workspaceId);
  if (!workspace) throw ctx.actor.role === 'ADMIN' ? notFound('That workspace') : forbidden();
  const own = await repo.findWorkspaceMember(ctx.tx, workspaceId, ctx.actor.id);
  assertCanManageWorkspace(ctx.actor.role, own?.role ?? null);
  return { actorRole: ctx.actor.role, workspace };
}

async function currentWorkspaceMember(
  ctx: MutationContext,
  workspaceId: string,
  userId: string,
  version: number | undefined,
) {
  const target = await repo.findWorkspaceMember(ctx.tx, workspaceId, userId);
  if (!target) throw notFound('That workspace member');
  if (version !== undefined && target.version !== version) throw conflict(target);
  return target;
}
