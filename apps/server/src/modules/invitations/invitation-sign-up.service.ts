import { hashPassword } from 'better-auth/crypto';
import { sql } from 'kysely';
import type { InvitationSignUp } from '@roster/contracts';
import { CLIENT_IP_HEADER, type Auth } from '../../auth/auth.ts';
import { judgePassword } from '../../auth/password-strength.ts';
import { insertUsers } from '../../db/seed-helpers.ts';
import { DomainError } from '../../lib/domain-error.ts';
import type { InvitationDeps } from './invitation-context.ts';
import { assertOpenForInvitee } from './invitation-states.policy.ts';
import { statusOf } from './invitations.repository.ts';
import { locate } from './invitee.service.ts';

export interface InvitationSignUpResult {
  user: { id: string; name: string; email: string };
  /** The new session's cookie, for the response. */
  setCookie: string[];
}

const accountExists = () =>
  new DomainError('ACCOUNT_EXISTS', 'This address already has an account: sign in to accept the invitation');

/**
 * R8 + R18: someone who holds an open invitation's link has proven its address, so the account
 * they create for that address is verified and signed in at once, with no detour through a
 * verification mail. Only the invited address can be used, and only while the link is open.
 */
export async function signUpFromInvitation(
  deps: InvitationDeps & { auth: Auth },
  token: string,
  input: InvitationSignUp,
  clientIp: string,
): Promise<InvitationSignUpResult> {
  const row = await locate(deps, { token });
  assertOpenForInvitee(statusOf(row, deps.clock.now()));
  const verdict = await judgePassword(input.password, [input.name, row.email_lower]);
  if (!verdict.ok) throw new DomainError('WEAK_PASSWORD', verdict.reason);
  const taken = await deps.db
    .selectFrom('users')
    .select('id')
    .where(sql<string>`lower(email)`, '=', row.email_lower)
    .executeTakeFirst();
  if (taken) throw accountExists();
  let user: { id: string; name: string; email: string };
  try {
    const passwordHash = await hashPassword(input.password);
    const [created] = await deps.db
      .transaction()
      .execute((tx) =>
        insertUsers(
          tx,
          [{ name: input.name, email: row.email_lower, emailVerified: true }],
          passwordHash,
          deps.clock.now(),
        ),
      );
    user = created!;
  } catch (error) {
    // A racing sign-up for the same address won: the unique index on lower(email) says so.
    if ((error as { code?: string }).code === '23505') throw accountExists();
    throw error;
  }
  const { headers } = await deps.auth.api.signInEmail({
    body: { email: user.email, password: input.password },
    headers: new Headers({ [CLIENT_IP_HEADER]: clientIp }),
    returnHeaders: true,
  });
  return { user, setCookie: headers.getSetCookie() };
}
