import { isAPIError } from 'better-auth/api';
import type { Auth } from '../../auth/auth.ts';
import { accountKey, type AuthLimits } from '../../auth/auth-limits.ts';
import { DomainError } from '../../lib/domain-error.ts';

/** Checks the signed-in person's password with the auth library, which owns its hashing. */
export async function assertPassword(auth: Auth, password: string, headers: Headers): Promise<void> {
  try {
    await auth.api.verifyPassword({ body: { password }, headers });
  } catch (error) {
    if (!isAPIError(error)) throw error;
    if (error.statusCode === 401) throw new DomainError('UNAUTHENTICATED', 'Sign in to continue');
    throw new DomainError('FORBIDDEN', 'That password is not right; nothing was changed', {
      reason: 'INVALID_PASSWORD',
    });
  }
}

/** Counts wrong passwords typed while signed in against the account, as sign-in does. */
export interface PasswordGuard {
  check<T>(email: string, run: () => Promise<T>): Promise<T>;
}

export function passwordGuard(limits: AuthLimits, notifyLocked: (email: string) => Promise<void>, on: boolean) {
  return {
    async check<T>(email: string, run: () => Promise<T>): Promise<T> {
      const account = accountKey(email)!;
      if (on) await limits.assertSignInOpen(account);
      try {
        return await run();
      } catch (error) {
        const wrongPassword = error instanceof DomainError && error.details?.['reason'] === 'INVALID_PASSWORD';
        if (on && wrongPassword && (await limits.recordSignInFailure(account))) await notifyLocked(account);
        throw error;
      }
    },
  } satisfies PasswordGuard;
}

/**
 * The Set-Cookie headers that clear this browser's session cookie, written by the auth
 * library (it knows their names and attributes). Its sign-out also drops the session row,
 * if one is still there.
 */
export async function clearedSessionCookies(auth: Auth, headers: Headers): Promise<string[]> {
  const result = await auth.api.signOut({ headers, returnHeaders: true });
  return result.headers.getSetCookie();
}
