import type { DeleteAccount } from '@roster/contracts';
import type { SessionUser } from '../../auth/auth.ts';
import { DomainError } from '../../lib/domain-error.ts';
import { closeUserSockets } from '../../realtime/session-sockets.ts';
import { removeDeletedAccount } from '../members/members-account.service.ts';
import { accountRemovalBlock } from '../members/members.policy.ts';
import type { AccountDeps } from './account-deps.ts';
import { assertPassword } from './account-auth.ts';
import { deletionRefusal, type BlockingOrg } from './delete-account.policy.ts';
import { accountOrgs, deleteUnattachedUser, type AccountOrg } from './delete-account.repository.ts';

/**
 * Deletes the signed-in person's account, once their password proves it is them and no org
 * still needs them. Each membership goes the way an admin's removal does, one org at a time
 * (audited, live, workspace memberships gone), and the account row last.
 */
export async function deleteAccount(deps: AccountDeps, user: SessionUser, body: DeleteAccount, headers: Headers) {
  await assertPassword(deps.auth, body.password, headers);
  // A second round only when an org took the person in while the first one ran.
  for (let round = 0; round < 2; round += 1) {
    const orgs = await accountOrgs(deps.db, user.id);
    const refusal = deletionRefusal(blockingOrgs(orgs));
    if (refusal) throw refusal;
    await leaveEveryOrg(deps, user, orgs);
    if (await deleteUnattachedUser(deps.db, user.id)) {
      closeUserSockets(deps.publisher, user.id, deps.logger);
      return;
    }
  }
  throw new DomainError('VERSION_CONFLICT', 'Your memberships changed while deleting your account; try again');
}

function blockingOrgs(orgs: AccountOrg[]): BlockingOrg[] {
  return orgs.flatMap((org) => {
    const reason = accountRemovalBlock(org);
    return reason ? [{ id: org.id, name: org.name, reason }] : [];
  });
}

/**
 * The rules are checked again under each org's lock, where a race is decided: another admin
 * leaving at the same moment can still make the person the last admin. Orgs where they are
 * an admin go first, so such a refusal comes before anything else changed where possible.
 */
async function leaveEveryOrg(deps: AccountDeps, user: SessionUser, orgs: AccountOrg[]) {
  const memberships = orgs
    .filter((org) => org.role !== null)
    .sort((a, b) => Number(b.role === 'ADMIN') - Number(a.role === 'ADMIN'));
  for (const org of memberships) {
    try {
      await removeDeletedAccount(deps, user, org.id);
    } catch (error) {
      if (
        error instanceof DomainError &&
        (error.code === 'LAST_ADMIN_PROTECTED' || error.code === 'CREATOR_PROTECTED')
      ) {
        const reason = error.code === 'CREATOR_PROTECTED' ? 'creator' : 'last_admin';
        throw deletionRefusal([{ id: org.id, name: org.name, reason }])!;
      }
      throw error;
    }
  }
}
