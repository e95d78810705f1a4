import type { Context } from 'hono';
import {
  ChangeEmailSchema,
  ChangePasswordSchema,
  RequestPasswordResetSchema,
  ResendVerificationSchema,
  ResetPasswordSchema,
  SignInSchema,
  SignUpSchema,
  TwoFactorCodeSchema,
  TwoFactorPasswordSchema,
  type ErrorCode,
} from '@roster/contracts';
import type { z } from 'zod';
import { CLIENT_IP_HEADER, type Auth, type AuthHooks } from '../auth/auth.ts';
import type { SessionReader } from '../auth/session-reader.ts';
import { accountKey, type AuthAction } from '../auth/auth-limits.ts';
import type { TrustProxy } from '../auth/client-ip.ts';
import { judgePassword } from '../auth/password-strength.ts';
import { DomainError } from '../lib/domain-error.ts';
import { clientAddress } from './client-address.ts';
import { validate } from './validate.ts';
import { errorBody } from './error-handler.ts';

export interface AuthGateDeps {
  auth: Auth;
  sessions: SessionReader;
  hooks: AuthHooks;
  trustProxy: TrustProxy;
  /** Off in tests that do not exercise the limits, so hundreds of sign-ins from one address pass. */
  rateLimit: boolean;
}

/** The library routes that are limited per address and per account (R19). */
const limited: Record<string, AuthAction> = {
  '/api/auth/sign-in/email': 'sign-in',
  '/api/auth/sign-up/email': 'sign-up',
  '/api/auth/request-password-reset': 'reset',
  '/api/auth/reset-password': 'reset',
  '/api/auth/send-verification-email': 'resend',
  '/api/auth/two-factor/verify-totp': 'two-factor',
  '/api/auth/two-factor/verify-backup-code': 'two-factor',
};

/** The signed cookie that names a sign-in waiting for its second factor (library-owned). */
const TWO_FACTOR_CHALLENGE = /(?:^|;\s*)(?:__Secure-)?roster\.two_factor=([^;]+)/;

/**
 * Library routes that would go around Roster's own road: a name change must be a versioned,
 * audited mutation (`PATCH /api/me`), and revoking a session must close its sockets
 * (`/api/me/sessions`).
 */
const closed = new Set([
  '/api/auth/update-user',
  '/api/auth/delete-user',
  '/api/auth/revoke-session',
  '/api/auth/revoke-sessions',
  '/api/auth/revoke-other-sessions',
]);

/**
 * Bodies are checked against the contracts before the library sees them: lengths, characters
 * (no NUL reaches the database) and shapes, answered in our envelope.
 */
const bodySchemas: Record<string, z.ZodType> = {
  '/api/auth/sign-up/email': SignUpSchema,
  '/api/auth/sign-in/email': SignInSchema,
  '/api/auth/request-password-reset': RequestPasswordResetSchema,
  '/api/auth/reset-password': ResetPasswordSchema,
  '/api/auth/change-password': ChangePasswordSchema,
  '/api/auth/change-email': ChangeEmailSchema,
  '/api/auth/send-verification-email': ResendVerificationSchema,
  '/api/auth/two-factor/verify-totp': TwoFactorCodeSchema,
  '/api/auth/two-factor/verify-backup-code': TwoFactorCodeSchema,
  '/api/auth/two-factor/enable': TwoFactorPasswordSchema,
  '/api/auth/two-factor/disable': TwoFactorPasswordSchema,
  '/api/auth/two-factor/generate-backup-codes': TwoFactorPasswordSchema,
};

/**
 * Library routes that ask a signed-in person for their password: a stolen session must not
 * guess it here faster than at sign-in, so wrong ones count against the account.
 */
const passwordChecked = new Set([
  '/api/auth/change-password',
  '/api/auth/two-factor/enable',
  '/api/auth/two-factor/disable',
  '/api/auth/two-factor/generate-backup-codes',
]);

const codeByLibraryCode: Record<string, ErrorCode> = {
  EMAIL_NOT_VERIFIED: 'EMAIL_NOT_VERIFIED',
  PASSWORD_TOO_SHORT: 'WEAK_PASSWORD',
  PASSWORD_TOO_LONG: 'WEAK_PASSWORD',
};
const codeByStatus: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  422: 'VALIDATION_FAILED',
  429: 'RATE_LIMITED',
};

type Body = Record<string, unknown> | null;

/**
 * Hands /api/auth/* to the auth library, with what it does not do in front of it: limits in a
 * store every process shares, password strength, the client address we decided on, and our
 * error envelope on the way back (the library's own code stays in `details.reason`).
 */
export async function handleAuth(deps: AuthGateDeps, c: Context): Promise<Response> {
  const path = c.req.path;
  if (closed.has(path)) throw new DomainError('NOT_FOUND', 'No such endpoint');
  const text = c.req.method === 'POST' ? await c.req.text() : '';
  const body = parseBody(text);
  const account = accountKey(body?.['email']);
  const action = limited[path];
  const challenge = action === 'two-factor' ? (c.req.header('cookie')?.match(TWO_FACTOR_CHALLENGE)?.[1] ?? null) : null;
  if (deps.rateLimit && action) {
    await deps.hooks.limits.attempt(action, clientAddress(c, deps.trustProxy), account);
    if (action === 'sign-in' && account) await deps.hooks.limits.assertSignInOpen(account);
    if (challenge) await deps.hooks.limits.attemptTwoFactor(challenge);
  }
  const signedIn = passwordChecked.has(path) ? await deps.sessions.userFrom(c.req.raw.headers) : null;
  const signedInAccount = signedIn ? accountKey(signedIn.email) : null;
  if (deps.rateLimit && signedInAccount) await deps.hooks.limits.assertSignInOpen(signedInAccount);
  await assertStrongPassword(path, body, signedIn);
  const schema = bodySchemas[path];
  if (schema && c.req.method === 'POST') validate(schema, body);

  const headers = new Headers(c.req.raw.headers);
  headers.set(CLIENT_IP_HEADER, clientAddress(c, deps.trustProxy));
  const init: RequestInit = { method: c.req.method, headers };
  if (c.req.method === 'POST') init.body = text;
  const response = await deps.auth.handler(new Request(c.req.raw.url, init));

  if (deps.rateLimit) await countOutcome(deps, response, action, account, challenge);
  if (deps.rateLimit && signedInAccount && (await bodyOf(response))?.['code'] === 'INVALID_PASSWORD') {
    await recordFailure(deps, signedInAccount);
  }
  // Changing the password with "sign out elsewhere" deleted the other sessions: close their tabs.
  if (signedIn && response.ok && path === '/api/auth/change-password') await deps.hooks.onSessionsRevoked(signedIn.id);
  return reshape(response);
}

function parseBody(text: string): Body {
  if (!text) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Body) : null;
  } catch {
    return null;
  }
}

/** New passwords are judged here, with the person's own name and address as context. */
async function assertStrongPassword(path: string, body: Body, signedIn: { name: string; email: string } | null) {
  const field = path === '/api/auth/sign-up/email' ? 'password' : 'newPassword';
  if (!['/api/auth/sign-up/email', '/api/auth/reset-password', '/api/auth/change-password'].includes(path)) return;
  const password = body?.[field];
  if (typeof password !== 'string') return; // the library answers a missing field itself
  const context = [body?.['name'], body?.['email'], signedIn?.name, signedIn?.email].filter(
    (v): v is string => typeof v === 'string',
  );
  const verdict = await judgePassword(password, context);
  if (!verdict.ok) throw new DomainError('WEAK_PASSWORD', verdict.reason);
}

/**
 * A wrong password counts against the account, and so does a right one that still owes its
 * second factor: that bounds the codes anyone can try per account. Finishing with the right
 * code takes that point back.
 */
async function countOutcome(
  deps: AuthGateDeps,
  response: Response,
  action: AuthAction | undefined,
  account: string | null,
  challenge: string | null,
) {
  if (action === 'sign-in' && account) {
    if (response.status === 401) await recordFailure(deps, account);
    else if (response.ok && (await bodyOf(response))?.['twoFactorRedirect'] === true)
      await recordFailure(deps, account);
  }
  if (action === 'two-factor' && challenge && response.ok) {
    const user = (await bodyOf(response))?.['user'] as { email?: unknown } | undefined;
    const finished = accountKey(user?.email);
    if (finished) await deps.hooks.limits.forgiveSignIn(finished);
  }
}

const bodyOf = (response: Response): Promise<Body> =>
  response
    .clone()
    .json()
    .then((value: unknown) => (value && typeof value === 'object' ? (value as Body) : null))
    .catch(() => null);

/** The failure that locks an account also tells its owner, once. */
async function recordFailure(deps: AuthGateDeps, account: string) {
  if (!(await deps.hooks.limits.recordSignInFailure(account))) return;
  await deps.hooks.notifyLocked(account);
}

async function reshape(response: Response): Promise<Response> {
  // Refusals without a JSON body (an unknown library path answers a bare 404) get the envelope too.
  if (response.status < 400) return response;
  const original = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
  const fallback: ErrorCode = response.status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED';
  const code = codeByLibraryCode[original.code ?? ''] ?? codeByStatus[response.status] ?? fallback;
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  headers.set('content-type', 'application/json');
  const body = errorBody(code, original.message ?? 'Request refused', { reason: original.code });
  return new Response(JSON.stringify(body), { status: response.status, headers });
}
