import { replaceAfterTwoFactorChange } from '../orgs/two-factor-requirement.ts';
import type { Me, UpdateMe } from '@roster/contracts';
import type { SessionUser } from '../../auth/auth.ts';
import { DomainError } from '../../lib/domain-error.ts';
import type { MutationDeps } from '../../mutation/run-mutation.ts';
import { syncMemberCopy } from '../members/members-account.service.ts';
import { hasStaleCopy, myOrgIds, myOrganizations, readAccount, renameAccount } from './me.repository.ts';

/** Who the person is, read from their account row: the session's copy may be older. */
export async function getMe(deps: MutationDeps, user: SessionUser): Promise<Me> {
  const account = await readAccount(deps.db, user.id);
  if (!account) throw new DomainError('UNAUTHENTICATED', 'Sign in to continue');
  return { user: account, organizations: await myOrganizations(deps.db, user.id, deps.clock.now()) };
}

/**
 * Renames the person: a versioned write of their account row, then, in each org they belong
 * to, that org's own audited change of its copy (`member.updated`, pushed to its admins).
 * Answers what `GET /api/me` now would.
 *
 * The account row commits first, on its own, and the orgs follow one `runMutation` at a time:
 * no transaction ever holds two of these locks, so this cannot deadlock with any other change
 * (each of which locks one org). An org that fails half-way keeps the old copy until the next
 * rename; every org copies the account's name as it is then, so they all converge on it.
 */
export async function updateMe(deps: MutationDeps, user: SessionUser, body: UpdateMe): Promise<Me> {
  const renamed = await renameAccount(deps.db, {
    userId: user.id,
    name: body.name,
    version: body.version,
    at: deps.clock.now(),
  });
  if (!renamed) throw await conflict(deps, user);
  await syncAccountToOrgs(deps, { ...user, name: body.name });
  return getMe(deps, user);
}

/**
 * After the account row changed (name here; email once a change of address is confirmed),
 * brings every org's copy of the person up to date, one org's `runMutation` at a time, each
 * audited and pushed to that org's admins as `member.updated`. `user` is the actor as the
 * events should name them. The account change is durable already: one org refusing or
 * failing (gone meanwhile, busy) is logged, never thrown, and does not stop the others.
 */
export async function syncAccountToOrgs(deps: MutationDeps, user: SessionUser): Promise<void> {
  for (const orgId of await myOrgIds(deps.db, user.id)) {
    await syncMemberCopy(deps, user, orgId).catch((error: unknown) =>
      deps.logger.warn('could not copy an account change into an org', {
        orgId,
        userId: user.id,
        error: String(error),
      }),
    );
  }
}

async function conflict(deps: MutationDeps, user: SessionUser): Promise<DomainError> {
  const current = await readAccount(deps.db, user.id);
  if (!current) return new DomainError('UNAUTHENTICATED', 'Sign in to continue');
  return new DomainError('VERSION_CONFLICT', 'Your account was changed in another tab; your change was not applied', {
    current,
  });
}

/**
 * The auth library changed an account row itself (a confirmed change of address, two-factor
 * turned on or off): the person's tabs are re-placed in the rooms of orgs that require two-factor,
 * and when an org's copy of name or address no longer matches, every org follows through
 * `syncAccountToOrgs`, acted by the person.
 */
export async function syncChangedAccount(deps: MutationDeps, userId: string): Promise<void> {
  await replaceAfterTwoFactorChange(deps.db, deps.publisher, userId);
  const account = await readAccount(deps.db, userId);
  if (!account || !(await hasStaleCopy(deps.db, userId, account))) return;
  const actor: SessionUser = { ...account, sessionId: 'account-change' };
  await syncAccountToOrgs(deps, actor);
}
