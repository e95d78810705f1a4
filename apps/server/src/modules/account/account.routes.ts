import { Hono, type Context } from 'hono';
import { DeleteAccountSchema } from '@roster/contracts';
import { requireUser, type AppEnv } from '../../http/context.ts';
import { jsonBody, validate } from '../../http/validate.ts';
import type { AccountDeps } from './account-deps.ts';
import { clearedSessionCookies, type PasswordGuard } from './account-auth.ts';
import { deleteAccount } from './delete-account.service.ts';
import { listMySessions, revokeOtherSessions, revokeSession } from './sessions.service.ts';

/** `/api/me/sessions`: the devices the person is signed in on, and signing them out. */
export function sessionsRoutes(deps: AccountDeps) {
  return new Hono<AppEnv>()
    .get('/', async (c) => c.json(await listMySessions(deps, requireUser(c))))
    .post('/revoke-others', async (c) => c.json(await revokeOtherSessions(deps, requireUser(c))))
    .delete('/:id', async (c) => {
      const user = requireUser(c);
      const id = c.req.param('id');
      await revokeSession(deps, user, id);
      // Signing out this very device: the browser forgets its cookie too.
      if (id === user.sessionId) await clearCookies(deps, c);
      return c.body(null, 204);
    });
}

/**
 * `POST /api/me/delete`: the account, for good. Its password check is a sign-in in all but
 * name, so a stolen session cannot guess the password here faster than at the sign-in form.
 */
export function deleteAccountRoutes(deps: AccountDeps, guard: PasswordGuard) {
  return new Hono<AppEnv>().post('/', async (c) => {
    const user = requireUser(c);
    const body = validate(DeleteAccountSchema, await jsonBody(c.req.raw));
    await guard.check(user.email, () => deleteAccount(deps, user, body, c.req.raw.headers));
    await clearCookies(deps, c);
    return c.json({ deleted: true as const });
  });
}

async function clearCookies(deps: AccountDeps, c: Context<AppEnv>) {
  for (const cookie of await clearedSessionCookies(deps.auth, c.req.raw.headers)) {
    c.header('set-cookie', cookie, { append: true });
  }
}
