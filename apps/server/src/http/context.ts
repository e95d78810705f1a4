import type { Context } from 'hono';
import type { SessionUser } from '../auth/auth.ts';
import { DomainError } from '../lib/domain-error.ts';

export type AppEnv = {
  Variables: {
    requestId: string;
    user: SessionUser | null;
  };
};

/** The signed-in person, or a 401 for everyone else. */
export function requireUser(c: Context<AppEnv>): SessionUser {
  const user = c.get('user');
  if (!user) throw new DomainError('UNAUTHENTICATED', 'Sign in to continue');
  return user;
}
