import { betterAuth } from 'better-auth';
import type { Db } from '../db/connect.ts';

export interface AuthOptions {
  db: Db;
  secret: string;
  /** Public URL of the app: cookies, links and the auth library's own origin check use it. */
  baseURL: string;
  trustedOrigins: string[];
  rateLimit: boolean;
}

/**
 * Cookie sessions and password hashing come from a maintained library (ADR 0003). Its tables
 * are ours, in snake_case, created by our own frozen migration.
 */
export function createAuth(options: AuthOptions) {
  return betterAuth({
    database: { db: options.db, type: 'postgres' },
    secret: options.secret,
    baseURL: options.baseURL,
    basePath: '/api/auth',
    trustedOrigins: options.trustedOrigins,
    emailAndPassword: { enabled: true, autoSignIn: true, minPasswordLength: 8 },
    advanced: { cookiePrefix: 'roster' },
    rateLimit: {
      enabled: options.rateLimit,
      window: 60,
      max: 300,
      customRules: {
        '/sign-in/email': { window: 60, max: 20 },
        '/sign-up/email': { window: 60, max: 10 },
      },
    },
    telemetry: { enabled: false },
    user: {
      modelName: 'users',
      fields: { emailVerified: 'email_verified', createdAt: 'created_at', updatedAt: 'updated_at' },
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
      fields: { expiresAt: 'expires_at', createdAt: 'created_at', updatedAt: 'updated_at' },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** The signed-in person, as every module sees them. */
export interface SessionUser {
  id: string;
  name: string;
  email: string;
}

/** Resolves the session cookie in `headers` to its user, or null. */
export async function userFromHeaders(auth: Auth, headers: Headers): Promise<SessionUser | null> {
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const { id, name, email } = session.user;
  return { id, name, email };
}
