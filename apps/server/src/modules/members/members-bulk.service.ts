import type { BulkMembersAction, BulkPreview, BulkRowResult, OrgRole, OrgSettings } from '@roster/contracts';
import type { SessionUser } from '../../auth/auth.ts';
import { DomainError } from '../../lib/domain-error.ts';
import type { MutationDeps } from '../../mutation/run-mutation.ts';
import { readOrgAccess } from '../orgs/org-access.repository.ts';
import { assertCanManageMembers, assertRemovalAllowed, assertRoleChangeAllowed } from './members.policy.ts';
import { bulkTargets, ownersByWorkspace, type BulkTarget } from './members-bulk.repository.ts';
import { changeMemberRole, removeMember } from './members.service.ts';
import { loweredBy } from './role-change-grants.ts';
import { workspaceGrantsOf } from './workspace-grants.repository.ts';

type Action = BulkMembersAction['action'];
type Selection = Pick<BulkMembersAction, 'members' | 'filter'>;

/** Admin-only, checked before anything streams, so a refusal is a plain error response. */
export async function resolveBulk(deps: MutationDeps, user: SessionUser, orgId: string, selection: Selection) {
  const access = await readOrgAccess(deps.db, orgId, user.id);
  assertCanManageMembers(access?.role ?? null);
  return { targets: await bulkTargets(deps.db, orgId, selection), access: access! };
}

/** What the action would do, computed with the same rules the changes will meet, in order. */
export async function previewBulk(
  deps: MutationDeps,
  user: SessionUser,
  orgId: string,
  action: Action,
  { targets, access }: Awaited<ReturnType<typeof resolveBulk>>,
): Promise<BulkPreview> {
  const { createdBy: creatorId, settings } = access;
  let adminCount = targets.length ? targets[0]!.adminCount : 0;
  const refused: BulkPreview['refused'] = [];
  for (const target of targets) {
    const code = ruleCode(() => checkRow(action, { actorId: user.id, target, creatorId, adminCount, settings }));
    if (code) refused.push({ userId: target.userId, name: target.name, code });
    else if (target.role === 'ADMIN' && (action.type === 'remove' || action.role !== 'ADMIN')) adminCount -= 1;
  }
  const applied = targets.filter((t) => !refused.some((r) => r.userId === t.userId));
  const changing = applied.filter((t) => t.role !== roleOf(action));
  // Only people the change really reaches can leave a workspace without an owner: by removal, or
  // by a demotion to EXTERNAL, which lowers their owner grants with it (R22).
  const losingOwnership = action.type === 'remove' || action.role === 'EXTERNAL' ? changing : [];
  const leaving = new Set(losingOwnership.map((t) => t.userId));
  const owners = await ownersByWorkspace(deps.db, orgId, [...leaving]);
  return {
    workspaceRolesLowered: action.type === 'remove' ? [] : await rolesLowered(deps, orgId, changing, action.role),
    count: changing.length,
    unchanged: applied.length - changing.length,
    workspaceCount: action.type === 'remove' ? new Set(changing.flatMap((t) => t.workspaceIds)).size : 0,
    workspacesLeftWithoutOwner: owners
      .filter((w) => w.ownerIds.every((id) => leaving.has(id)))
      .map(({ id, name }) => ({ id, name })),
    refused,
  };
}

/** Runs each row as its own versioned change, reporting each result as it lands. */
export async function* runBulk(
  deps: MutationDeps,
  user: SessionUser,
  orgId: string,
  action: Action,
  targets: BulkTarget[],
) {
  for (const target of targets) {
    const base = { userId: target.userId, name: target.name };
    try {
      if (action.type === 'remove') {
        await removeMember(deps, user, orgId, target.userId, target.version);
        yield { ...base, status: 'ok' } satisfies BulkRowResult;
      } else {
        const member = await changeMemberRole(deps, user, orgId, target.userId, {
          role: action.role,
          version: target.version,
        });
        yield { ...base, status: 'ok', member } satisfies BulkRowResult;
      }
    } catch (error) {
      if (error instanceof DomainError) {
        yield {
          ...base,
          status: statusOf(error.code),
          code: error.code,
          message: error.message,
        } satisfies BulkRowResult;
      } else {
        // One broken row must not stop the others; it is reported and logged like any 500.
        deps.logger.error('bulk row failed', { userId: target.userId, error: String(error) });
        yield {
          ...base,
          status: 'failed',
          code: 'INTERNAL',
          message: 'Something went wrong on our side',
        } satisfies BulkRowResult;
      }
    }
  }
}

const roleOf = (action: Action) => (action.type === 'change_role' ? action.role : null);

/** R22: the workspace roles each role change would lower with it, as the changes will (ADR 0009). */
async function rolesLowered(deps: MutationDeps, orgId: string, targets: BulkTarget[], role: OrgRole) {
  const userIds = targets.map((t) => t.userId);
  const grants = await workspaceGrantsOf(deps.db, orgId, userIds);
  return targets.flatMap((t) => {
    const own = grants.filter((g) => g.userId === t.userId);
    return loweredBy(own, role, t.lite).map((g) => ({ userId: t.userId, name: t.name, ...g }));
  });
}

type RowFacts = { actorId: string; target: BulkTarget; creatorId: string; adminCount: number; settings: OrgSettings };

function checkRow(action: Action, f: RowFacts) {
  const actorRole: OrgRole = 'ADMIN';
  if (action.type === 'remove') assertRemovalAllowed({ ...f, actorRole });
  else if (f.target.role !== action.role) assertRoleChangeAllowed({ ...f, actorRole, newRole: action.role });
}

function ruleCode(check: () => void): string | null {
  try {
    check();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

function statusOf(code: string): BulkRowResult['status'] {
  if (code === 'VERSION_CONFLICT') return 'conflict';
  if (code === 'FORBIDDEN') return 'forbidden';
  if (code === 'NOT_FOUND') return 'not_found';
  if (
    code.endsWith('_PROTECTED') ||
    code === 'SELF_REMOVAL' ||
    code === 'SELF_ROLE_CHANGE' ||
    code === 'EXTERNAL_ROLE_LOCKED'
  )
    return 'protected';
  return 'failed';
}
