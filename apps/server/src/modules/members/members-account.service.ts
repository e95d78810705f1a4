import type { Member } from '@roster/contracts';
import type { SessionUser } from '../../auth/auth.ts';
import { runMutation, type MutationDeps } from '../../mutation/run-mutation.ts';
import { assertAccountRemovalAllowed } from './members.policy.ts';
import { accountIdentity, countAdmins, deleteMember, findMember, updateMemberIdentity } from './members.repository.ts';
import { notifyAccess } from './member-conflict.ts';

/**
 * The person's own account changes reach each org's copy of them through that org's one road
 * (lock, audit row, live push), so admins see them like any other change. Neither refuses a
 * person who is no longer a member: there is simply nothing to change there any more.
 */
const anyone = () => {};

/**
 * Copies the account's name and email, as they are now, onto the person's row in one org and
 * tells the admins (`member.updated`). Copying the current values rather than the request's
 * means two changes landing out of order in this org still end with the latest one.
 */
export async function syncMemberCopy(deps: MutationDeps, user: SessionUser, orgId: string): Promise<Member | null> {
  // An org waiting for its purge keeps its copy current too, so a restore brings back today's names.
  const spec = { orgId, user, action: 'member.update', targetId: user.id, authorize: anyone, onDeletedOrg: true };
  return runMutation(deps, spec, async (ctx) => {
    const before = await findMember(ctx.tx, orgId, user.id);
    const account = await accountIdentity(ctx.tx, user.id);
    if (!before || !account || (before.name === account.name && before.email === account.email)) return before;
    await updateMemberIdentity(ctx.tx, { orgId, userId: user.id, ...account, at: ctx.now });
    const member = (await findMember(ctx.tx, orgId, user.id))!;
    await ctx.emit({
      type: 'member.updated',
      targetId: user.id,
      before: { name: before.name, email: before.email },
      after: account,
      data: { member, before: { name: before.name } },
    });
    return member;
  });
}

/**
 * Takes a person whose account is being deleted out of one org, the way an admin's removal
 * does (`member.removed`, workspace memberships gone, rooms left), unless the org still needs
 * them: decided under the org's lock, so two admins leaving at once cannot both go (R9).
 */
export async function removeDeletedAccount(deps: MutationDeps, user: SessionUser, orgId: string): Promise<void> {
  // A deleted org waiting for its purge still holds the person's membership: it goes too.
  const spec = { orgId, user, action: 'account.delete', targetId: user.id, authorize: anyone };
  await runMutation(deps, spec, async (ctx) => {
    const self = await findMember(ctx.tx, orgId, user.id);
    if (!self) return;
    assertAccountRemovalAllowed({
      isCreator: ctx.org.createdBy === user.id,
      role: self.role,
      adminCount: await countAdmins(ctx.tx, orgId),
    });
    await deleteMember(ctx.tx, orgId, user.id, self.version);
    await ctx.emit({
      type: 'member.removed',
      targetId: user.id,
      before: self,
      after: null,
      data: { userId: user.id, name: self.name },
    });
    notifyAccess(ctx, user.id, null, self.workspaces);
  });
}
