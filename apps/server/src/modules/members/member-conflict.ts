import type { Member, OrgRole } from '@roster/contracts';
import { placeInOwnerRooms, type HeldWorkspace } from '../workspaces/workspace-owner-rooms.ts';
import { DomainError, notFound } from '../../lib/domain-error.ts';
import type { MutationContext } from '../../mutation/run-mutation.ts';
import { findMember } from './members.repository.ts';

/** The target as it is now; a stale `version` is a conflict that shows who changed it. */
export async function currentMember(
  ctx: MutationContext,
  userId: string,
  version: number | undefined,
): Promise<Member> {
  const member = await findMember(ctx.tx, ctx.org.id, userId);
  if (!member) throw notFound('That member');
  if (version !== undefined && member.version !== version) throw conflictFor(member);
  return member;
}

/** A versioned write matched no row: the row as it is now, or NOT_FOUND once it is gone. */
export async function versionConflict(ctx: MutationContext, userId: string): Promise<DomainError> {
  const member = await findMember(ctx.tx, ctx.org.id, userId);
  return member ? conflictFor(member) : notFound('That member');
}

/** R15: VERSION_CONFLICT with the current row and who made it so. */
export function conflictFor(member: Member): DomainError {
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

/**
 * R16: the person's own tabs learn their new access at once, and their sockets change rooms:
 * the org's, and the owners room of each of `workspaces` (their roles as the change leaves them;
 * as they were, when it takes the org away).
 */
export function notifyAccess(
  ctx: MutationContext,
  userId: string,
  role: OrgRole | null,
  workspaces: readonly HeldWorkspace[],
) {
  const orgId = ctx.org.id;
  ctx.notify(userId, { type: 'access.changed', data: { role } });
  ctx.afterCommit((publisher) => publisher.setAccess(orgId, userId, role));
  placeInOwnerRooms(ctx, userId, role, workspaces);
}
