import { sql } from 'kysely';
import { WorkspaceRoleSchema, type OrgRole, type WorkspaceRole } from '@roster/contracts';
import type { SessionUser } from '../../auth/auth.ts';
import type { InvitationRow } from '../../db/schema.ts';
import { DomainError } from '../../lib/domain-error.ts';
import type { MutationContext } from '../../mutation/run-mutation.ts';
import { findMember } from '../members/members.repository.ts';
import { isAboveCeiling, workspaceRoleCeiling } from '../workspaces/workspace-ceiling.policy.ts';
import { placeInOwnerRooms } from '../workspaces/workspace-owner-rooms.ts';
import { emitInvitation } from './invitation-context.ts';
import { countSeatsUsed } from './invitation-lookups.repository.ts';
import { decideInvitation } from './invitation-writes.repository.ts';
import { assertSeatStillHeld } from './invitations.policy.ts';

/**
 * Uses the invitation up (one conditional UPDATE: of two concurrent accepts only one matches)
 * and applies its org role and every workspace grant in the same transaction. Someone who is
 * already a member keeps their membership exactly as it is (R7).
 */
export async function joinFromInvitation(
  ctx: MutationContext,
  row: InvitationRow,
  user: SessionUser,
): Promise<{ role: OrgRole; alreadyMember: boolean }> {
  const orgId = ctx.org.id;
  const existing = await ctx.tx
    .selectFrom('org_members')
    .select('role')
    .where('org_id', '=', orgId)
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  if (!existing) assertSeatStillHeld(ctx.org.settings.memberCap, await countSeatsUsed(ctx.tx, orgId, ctx.now));
  const by = { id: ctx.actor.id, name: ctx.actor.name };
  const used = await decideInvitation(ctx.tx, { id: row.id, from: ['pending'], to: 'accepted', by }, ctx.now, {
    liveAt: ctx.now,
  });
  if (!used) throw new DomainError('ALREADY_DECIDED', 'This invitation was already used');
  if (!existing) await addMember(ctx, row, user);
  await emitInvitation(ctx, 'invitation.accepted', row.id, null);
  return { role: existing?.role ?? row.role, alreadyMember: existing !== undefined };
}

async function addMember(ctx: MutationContext, row: InvitationRow, user: SessionUser) {
  const orgId = ctx.org.id;
  // Invitations written before R22 was enforced may still promise an external a workspace to own:
  // such a grant lands at the ceiling, like the roles an org role change lowers.
  const ceiling = workspaceRoleCeiling({ orgRole: row.role, lite: row.lite });
  const above = WorkspaceRoleSchema.options.filter((r) => isAboveCeiling(r, ceiling));
  const grantedRole = above.length
    ? sql<WorkspaceRole>`case when g.role in (${sql.join(above)}) then ${ceiling} else g.role end`
    : sql<WorkspaceRole>`g.role`;
  await ctx.tx
    .insertInto('org_members')
    .values({
      org_id: orgId,
      user_id: user.id,
      role: row.role,
      lite: row.lite,
      name: user.name,
      email: user.email.toLowerCase(),
      joined_at: ctx.now,
    })
    .execute();
  await ctx.tx
    .insertInto('workspace_members')
    .columns(['workspace_id', 'user_id', 'org_id', 'role', 'joined_at'])
    .expression((eb) =>
      eb
        .selectFrom('invitation_workspaces as g')
        .innerJoin('workspaces as w', 'w.id', 'g.workspace_id')
        .select((s) => [
          'g.workspace_id',
          s.val(user.id).as('user_id'),
          s.val(orgId).as('org_id'),
          grantedRole.as('role'),
          sql<Date>`cast(${ctx.now.toISOString()} as timestamptz)`.as('joined_at'),
        ])
        .where('g.invitation_id', '=', row.id)
        .where('w.org_id', '=', orgId),
    )
    .execute();
  const member = (await findMember(ctx.tx, orgId, user.id))!;
  await ctx.emit({ type: 'member.joined', targetId: user.id, before: null, after: member, data: { member } });
  // The person's sockets join the org's rooms (an admin's, the admin room) before this change is published.
  ctx.afterCommit((publisher) => publisher.setAccess(orgId, user.id, row.role));
  // A grant may make them a workspace's owner (R13): its page is live for them at once too.
  placeInOwnerRooms(ctx, user.id, row.role, member.workspaces);
}
