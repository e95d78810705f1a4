import { Hono } from 'hono';
import { InvitationSignUpSchema } from '@roster/contracts';
import type { Auth, AuthHooks } from '../../auth/auth.ts';
import type { TrustProxy } from '../../auth/client-ip.ts';
import { clientAddress } from '../../http/client-address.ts';
import type { AppEnv } from '../../http/context.ts';
import { jsonBody, validate } from '../../http/validate.ts';
import type { InvitationDeps } from './invitation-context.ts';
import { signUpFromInvitation } from './invitation-sign-up.service.ts';

export interface InvitationSignUpDeps extends InvitationDeps {
  auth: Auth;
  authHooks: AuthHooks;
  trustProxy: TrustProxy;
  rateLimit: boolean;
}

/** `POST /api/invitations/:token/sign-up`: an account for the invited address, verified by the link. */
export function invitationSignUpRoutes(deps: InvitationSignUpDeps) {
  return new Hono<AppEnv>().post('/:token/sign-up', async (c) => {
    const input = validate(InvitationSignUpSchema, await jsonBody(c.req.raw));
    const ip = clientAddress(c, deps.trustProxy);
    // Counted like any sign-up from this address (R19).
    if (deps.rateLimit) await deps.authHooks.limits.attempt('sign-up', ip, null);
    const result = await signUpFromInvitation(deps, c.req.param('token'), input, ip);
    for (const cookie of result.setCookie) c.header('set-cookie', cookie, { append: true });
    return c.json({ user: result.user });
  });
}
