import { betterAuth } from 'better-auth';
import type { ApiKeyScope } from '@roster/contracts';
import { twoFactor } from 'better-auth/plugins';
import type { Db } from '../db/connect.ts';
import type { Logger } from '../lib/logger.ts';
import type { AccountMailer } from '../mail/account-mailer.ts';
import type { AuthLimits } from './auth-limits.ts';

/** What the auth library calls back into: our mail, our limits, our sockets. */
export interface AuthHooks {
  mail: AccountMailer;
  limits: AuthLimits;
  /** Sessions of this person were deleted (reset, password change): their open tabs must drop at once. */
  onSessionsRevoked(userId: string): Promise<void>;
  /** Too many failed sign-ins locked this address: tell its owner, if it has an account. */
  notifyLocked(email: string): Promise<void>;
  /** The library changed an account row (a confirmed change of address): copies in orgs follow. */
  onAccountChanged(userId: string): Promise<void>;
}

export interface AuthOptions {
  db: Db;
  secret: string;
  /** Public URL of the app: cookies, links and the auth library's own origin check use it. */
  baseURL: string;
  trustedOrigins: string[];
  hooks: AuthHooks;
  logger: Logger;
}

/** The header our HTTP layer sets to the client address it decided on (TRUST_PROXY); nothing else is read. */
export const CLIENT_IP_HEADER = 'x-roster-client-ip';

const DAY_S = 24 * 60 * 60;

/** Starts the name of every cookie the auth library sets: the session's is `roster.session_token`. */
export const COOKIE_PREFIX = 'roster';

/**
 * Cookie sessions, password hashing, verification and reset links, and two-factor come from a
 * maintained library (ADR 0003, ADR 0007). Its tables are ours, in snake_case, created by our own
 * frozen migrations. Limits, password strength and our error envelope sit in front of it
 * (`http/auth-routes.ts`); its own in-memory limiter is off, as it would count per process.
 */
export function createAuth(options: AuthOptions) {
  const { db, hooks } = options;
  return betterAuth({
    database: { db, type: 'postgres' },
    secret: options.secret,
    baseURL: options.baseURL,
    basePath: '/api/auth',
    trustedOrigins: options.trustedOrigins,
    emailAndPassword: {
      enabled: true,
      // R18: a new account signs nobody in until its address is proven, and sign-up answers
      // alike for new and taken addresses (the library then skips auto sign-in).
      requireEmailVerification: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      resetPasswordTokenExpiresIn: 60 * 60,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, url }) => {
        await hooks.mail.send({ template: 'reset-password', to: user.email, name: user.name, url });
      },
      onPasswordReset: async ({ user }) => hooks.onSessionsRevoked(user.id),
      onExistingUserSignUp: async ({ user }) => {
        await hooks.mail.send({ template: 'sign-up-attempt', to: user.email, name: user.name });
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      sendOnSignIn: true,
      autoSignInAfterVerification: true,
      expiresIn: DAY_S,
      sendVerificationEmail: async ({ user, url }, request) => sendVerificationMail(db, hooks, user, url, request),
    },
    user: {
      modelName: 'users',
      fields: { emailVerified: 'email_verified', createdAt: 'created_at', updatedAt: 'updated_at' },
      // A link to the new address proves it; nothing changes until it is followed.
      changeEmail: { enabled: true },
    },
    databaseHooks: {
      user: { update: { after: async (user) => hooks.onAccountChanged(user.id) } },
    },
    plugins: [
      twoFactor({
        issuer: 'Roster',
        schema: {
          user: { fields: { twoFactorEnabled: 'two_factor_enabled' } },
          twoFactor: {
            modelName: 'two_factors',
            fields: {
              backupCodes: 'backup_codes',
              userId: 'user_id',
              failedVerificationCount: 'failed_verification_count',
              lockedUntil: 'locked_until',
            },
          },
        },
      }),
    ],
    advanced: {
      cookiePrefix: COOKIE_PREFIX,
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      // Every request resolves its session: one joined read of session and user, not two.
      database: { joins: true },
    },
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    // The library's own lines go through our logger: one format, and never a token in clear.
    logger: {
      log: (level, message) => options.logger[level](`auth: ${message}`),
    },
    session: {
      modelName: 'sessions',
      fields: {
        expiresAt: 'expires_at',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
        ipAddress: 'ip_address',
        userAgent: 'user_agent',
        userId: 'user_id',
      },
    },
    account: {
      modelName: 'accounts',
      fields: {
        accountId: 'account_id',
        providerId: 'provider_id',
        userId: 'user_id',
        accessToken: 'access_token',
        refreshToken: 'refresh_token',
        idToken: 'id_token',
        accessTokenExpiresAt: 'access_token_expires_at',
        refreshTokenExpiresAt: 'refresh_token_expires_at',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
      },
    },
    verification: {
      modelName: 'verifications',
      // Reset tokens rest only as a hash, like invitation tokens.
      storeIdentifier: 'hashed',
      fields: { expiresAt: 'expires_at', createdAt: 'created_at', updatedAt: 'updated_at' },
    },
  });
}

/**
 * One callback serves three cases: a new account (proves its address), a change of address (the
 * new one proves itself, the old one is told), and a refused sign-in of an unverified account
 * (a fresh link, a few an hour at most).
 */
async function sendVerificationMail(
  db: Db,
  hooks: AuthHooks,
  user: { id: string; email: string; name: string },
  url: string,
  request: Request | undefined,
) {
  const current = await db.selectFrom('users').select('email').where('id', '=', user.id).executeTakeFirst();
  if (current && current.email.toLowerCase() !== user.email.toLowerCase()) {
    await hooks.mail.send({ template: 'verify-new-email', to: user.email, name: user.name, url });
    await hooks.mail.send({
      template: 'email-change-notice',
      to: current.email,
      name: user.name,
      newEmail: user.email,
    });
    return;
  }
  const fromSignIn = request ? new URL(request.url).pathname.endsWith('/sign-in/email') : false;
  if (fromSignIn && !(await hooks.limits.allowVerificationMail(user.email.toLowerCase()))) return;
  await hooks.mail.send({ template: 'verify-email', to: user.email, name: user.name, url });
}

export type Auth = ReturnType<typeof createAuth>;

/** The signed-in person, as every module sees them. */
export interface SessionUser {
  id: string;
  name: string;
  email: string;
  /** Whether the address is proven (R18); nothing is granted to an unproven one. */
  emailVerified: boolean;
  twoFactorEnabled: boolean;
  /** The session this request or socket belongs to: revoking it closes its sockets. */
  sessionId: string;
  /**
   * Set when an org API key makes the request (`Authorization: Bearer`): it acts as its org,
   * under its scopes, and `id`/`name` are the key's. ADR 31.
   */
  apiKey?: ApiKeyPrincipal;
}

/** An API key as the policy layer sees it. */
export interface ApiKeyPrincipal {
  id: string;
  orgId: string;
  scopes: ApiKeyScope[];
}

/**
 * Resolves the session cookie in `headers` to its user, or null, through the library's own
 * endpoint, which also deletes an expired session and renews one that is due; the cookies it
 * sets for that (a renewed one, or one cleared) are appended to `setCookies`. Requests and
 * sockets go through `SessionReader` (session-reader.ts), which comes here for those cases.
 */
export async function libraryUserFromHeaders(
  auth: Auth,
  headers: Headers,
  setCookies?: string[],
): Promise<SessionUser | null> {
  const { headers: answered, response: session } = await auth.api.getSession({ headers, returnHeaders: true });
  setCookies?.push(...answered.getSetCookie());
  if (!session) return null;
  const { id, name, email, emailVerified } = session.user;
  const twoFactorEnabled = (session.user as { twoFactorEnabled?: boolean | null }).twoFactorEnabled === true;
  return { id, name, email, emailVerified, twoFactorEnabled, sessionId: session.session.id };
}
