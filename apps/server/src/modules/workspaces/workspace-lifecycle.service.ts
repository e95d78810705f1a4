import type { Workspace, WorkspaceDeletionImpact } from '@roster/contracts';
import type { SessionUser } from '../../auth/auth.ts';
import { DomainError, forbidden, notFound } from '../../lib/domain-error.ts';
import { runMutation, type MutationContext, type MutationDeps } from '../../mutation/run-mutation.ts';
import { authorizeAdmin, authorizeMember } from '../members/members.policy.ts';
import { readOrgAccess } from '../orgs/org-access.repository.ts';
import { assertNameFree } from './workspace-names.ts';
import { assertCanManageWorkspace } from './workspaces.policy.ts';
import * as repo from './workspaces.repository.ts';

/** Renames a workspace: org admins and its owners (R2), at the version the caller saw (R15). */
export async function renameOrgWorkspace(
  deps: MutationDeps,
  user: SessionUser,
  orgId: string,
  workspaceId: string,
  body: { name: string; version: number },
): Promise<Workspace> {
  // Owners need not be org admins: membership is checked first, the workspace role inside.
  const spec = { orgId, user, action: 'workspace.rename', targetId: workspaceId, authorize: authorizeMember };
  return runMutation(deps, spec, async (ctx) => {
    const before = await workspaceManagedBy(ctx, workspaceId);
    if (before.version !== body.version) throw conflict(before);
    if (before.name === body.name) return before;
    await assertNameFree(ctx, body.name, workspaceId);
    if (!(await repo.renameWorkspace(ctx.tx, workspaceId, body.name, body.version))) throw conflict(before);
    const after = (await viewOf(ctx, workspaceId))!;
    await ctx.emit({
      type: 'workspace.renamed',
      targetId: workspaceId,
      before: { name: before.name },
      after: { name: after.name },
      data: { workspaceId, name: after.name, version: after.version, before: { name: before.name } },
    });
    return after;
  });
}

/** Deletes a workspace with every grant on it; org admins only. */
export async function deleteOrgWorkspace(
  deps: MutationDeps,
  user: SessionUser,
  orgId: string,
  workspaceId: string,
  version: number | undefined,
): Promise<void> {
  const spec = { orgId, user, action: 'workspace.delete', targetId: workspaceId, authorize: authorizeAdmin };
  await runMutation(deps, spec, async (ctx) => {
    const current = await viewOf(ctx, workspaceId);
    if (!current) throw notFound('That workspace');
    if (version !== undefined && current.version !== version) throw conflict(current);
    const members = await repo.listWorkspaceMembers(ctx.tx, workspaceId);
    if (!(await repo.deleteWorkspace(ctx.tx, workspaceId, current.version))) throw conflict(current);
    await ctx.emit({
      type: 'workspace.deleted',
      targetId: workspaceId,
      // The audit row keeps who held a grant, so the deletion can be read back later.
      before: { name: current.name, members: members.map((m) => ({ userId: m.userId, role: m.role })) },
      after: null,
      data: { workspaceId, name: current.name },
    });
  });
}

/** Who loses access with the workspace: everyone holding a grant on it. Org admins only, as deletion is. */
export async function workspaceDeletionImpact(
  deps: MutationDeps,
  user: SessionUser,
  orgId: string,
  workspaceId: string,
): Promise<WorkspaceDeletionImpact> {
  const access = await readOrgAccess(deps.db, orgId, user.id);
  if (!access) throw forbidden('You are not a member of this organization');
  if (access.role !== 'ADMIN') throw forbidden('Only org admins can delete a workspace');
  const workspace = (await repo.listWorkspaces(deps.db, orgId, { id: user.id, orgRole: 'ADMIN' })).find(
    (w) => w.id === workspaceId,
  );
  if (!workspace) throw notFound('That workspace');
  const members = await repo.listWorkspaceMembers(deps.db, workspaceId);
  return { workspace, losingAccess: members.map(({ userId, name, email }) => ({ userId, name, email })) };
}

async function viewOf(ctx: MutationContext, workspaceId: string): Promise<Workspace | undefined> {
  const viewer = { id: ctx.actor.id, orgRole: ctx.actor.role ?? 'MEMBER' };
  return (await repo.listWorkspaces(ctx.tx, ctx.org.id, viewer)).find((w) => w.id === workspaceId);
}

/** The workspace as the actor sees it, once they are known to manage it. */
async function workspaceManagedBy(ctx: MutationContext, workspaceId: string): Promise<Workspace> {
  const workspace = await viewOf(ctx, workspaceId);
  if (!workspace) throw ctx.actor.role === 'ADMIN' ? notFound('That workspace') : forbidden();
  assertCanManageWorkspace(ctx.actor.role, workspace.myRole);
  return workspace;
}

function conflict(current: Workspace) {
  return new DomainError(
    'VERSION_CONFLICT',
    `${current.name} was changed in the meantime; your change was not applied`,
    {
      current,
    },
  );
}
