import type { DeleteOrg, OrgDetail, OrgRole, PersonalEvent } from '@roster/contracts';
import type { SessionUser } from '../../auth/auth.ts';
import type { MailQueue } from '../../mail/mail-queue.ts';
import { DomainError, orgNotFound } from '../../lib/domain-error.ts';
import { runMutation, type MutationContext, type MutationDeps } from '../../mutation/run-mutation.ts';
import { notifyAccess } from '../members/member-conflict.ts';
import { ownedWorkspacesIn } from '../workspaces/workspace-owner-rooms.ts';
import { authorizeCreator } from './orgs.policy.ts';
import { membersWithoutTwoFactor } from './two-factor-requirement.ts';
import { memberRoles, readOrg, writeOrgDeletion } from './orgs.repository.ts';
import { detailOf, summaryOf } from './orgs.service.ts';

export interface DeleteOrgDeps extends MutationDeps {
  mailQueue: MailQueue;
  /** ORG_DELETE_GRACE_DAYS: how long a deleted org waits, restorable, before its purge. */
  orgDeleteGraceDays: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The creator deletes the org, typing its name to confirm (ADR 20). Nothing is removed yet:
 * the org waits `orgDeleteGraceDays` for its purge, and from this commit on every member loses
 * it (their tabs are told, their sockets leave its rooms, its routes answer `ORG_NOT_FOUND`),
 * its invitations stop working, and the creator is mailed the way back.
 */
export async function deleteOrganization(
  deps: DeleteOrgDeps,
  user: SessionUser,
  orgId: string,
  body: DeleteOrg,
): Promise<{ org: OrgDetail }> {
  const spec = { orgId, user, action: 'org.delete', targetId: orgId, authorize: authorizeCreator };
  return runMutation(deps, spec, async (ctx) => {
    const current = (await readOrg(ctx.tx, orgId))!;
    if (body.confirm !== current.name) {
      throw new DomainError('CONFIRMATION_MISMATCH', `Type the organization’s name, ${current.name}, to delete it`, {
        fields: [{ path: 'confirm', message: `Type ${current.name} exactly` }],
      });
    }
    const purgeAfter = new Date(ctx.now.getTime() + deps.orgDeleteGraceDays * DAY_MS);
    await writeOrgDeletion(ctx.tx, orgId, purgeAfter);
    const org = { ...summaryOf(current), version: current.version + 1 };
    const data = { org, purgeAfter: purgeAfter.toISOString() };
    await ctx.emit({
      type: 'org.deleted',
      targetId: orgId,
      before: { status: 'active' },
      after: { status: 'pending_deletion', purgeAfter: data.purgeAfter },
      data,
    });
    await tellEveryMember(ctx, { type: 'org.deleted', data }, () => null);
    // The address as the account holds it now, not the session's copy.
    const account = await ctx.tx
      .selectFrom('users')
      .select('email')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    await deps.mailQueue.enqueueOrgDeletion(
      ctx.tx,
      { to: account.email, creatorName: ctx.actor.name, orgId, orgName: current.name, purgeAfter: data.purgeAfter },
      ctx.now,
    );
    ctx.afterCommit(() => deps.mailQueue.wake());
    return { org: detailOf({ ...current, version: org.version, status: 'pending_deletion', purgeAfter }) };
  });
}

/**
 * The creator brings a deleted org back before its purge, exactly as it was: members, roles,
 * workspaces and pending invitations were never touched, only hidden.
 */
export async function restoreOrganization(
  deps: MutationDeps,
  user: SessionUser,
  orgId: string,
): Promise<{ org: OrgDetail }> {
  const spec = { orgId, user, action: 'org.restore', targetId: orgId, authorize: authorizeCreator, onDeletedOrg: true };
  return runMutation(deps, spec, async (ctx) => {
    const current = (await readOrg(ctx.tx, orgId))!;
    // Past its purge time the org is as good as gone, even if the purge has not run yet.
    if (current.status === 'pending_deletion' && current.purgeAfter! <= ctx.now) throw orgNotFound();
    if (current.status === 'active') return { org: detailOf(current) };
    await writeOrgDeletion(ctx.tx, orgId, null);
    const org = { ...summaryOf(current), version: current.version + 1 };
    await ctx.emit({
      type: 'org.restored',
      targetId: orgId,
      before: { status: 'pending_deletion', purgeAfter: current.purgeAfter!.toISOString() },
      after: { status: 'active' },
      data: { org },
    });
    // Members the org's two-factor requirement shuts out get it back only once they set it up.
    const locked = ctx.org.settings.requireTwoFactor
      ? new Set((await membersWithoutTwoFactor(ctx.tx, orgId)).map((m) => m.userId))
      : new Set<string>();
    await tellEveryMember(ctx, { type: 'org.restored', data: { org } }, (role, userId) =>
      locked.has(userId) ? null : role,
    );
    return { org: detailOf({ ...current, version: org.version, status: 'active', purgeAfter: null }) };
  });
}

/**
 * Each member's tabs get the news, then their access as it now is, and their sockets join or
 * leave the org's rooms (on every process) once the change commits.
 */
async function tellEveryMember(
  ctx: MutationContext,
  news: Pick<PersonalEvent, 'type' | 'data'>,
  accessOf: (role: OrgRole, userId: string) => OrgRole | null,
): Promise<void> {
  // Only owners sit in a workspace's owners room: the workspaces they own are all the rooms to move.
  const owned = await ownedWorkspacesIn(ctx.tx, ctx.org.id);
  for (const { userId, role } of await memberRoles(ctx.tx, ctx.org.id)) {
    ctx.notify(userId, news);
    notifyAccess(ctx, userId, accessOf(role, userId), owned.get(userId) ?? []);
  }
}
