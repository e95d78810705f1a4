import type { webcrypto } from 'node:crypto';
import type { BetterAuthOptions } from 'better-auth';
import type { Db } from '../db/connect.ts';
import { libraryUserFromHeaders, type Auth, type SessionUser } from './auth.ts';

/** Who a request or a socket's handshake is, from its session cookie. */
export interface SessionReader {
  /**
   * The person, or null. When the library renews or ends the session, the cookies it sets for
   * that are appended to `setCookies`: an HTTP response passes them on, so the browser's cookie
   * lives as long as the session does.
   */
  userFrom(headers: Headers, setCookies?: string[]): Promise<SessionUser | null>;
}

/** What the reader needs of the auth library's settings, read once from its context. */
interface CookieSettings {
  /**
   * False when the library is set up to keep sessions elsewhere or to serve or renew them
   * differently (secondary storage, a cookie cache, deferred or no renewal): then every read is
   * the library's, since the reader would no longer answer as it does.
   */
  direct: boolean;
  cookieName: string;
  key: webcrypto.CryptoKey;
  expiresInMs: number;
  updateAgeMs: number;
}

/**
 * Every request and every socket handshake resolves its session (ADR 35). The auth library's
 * own `getSession` is a whole endpoint (context, hooks, output filtering, a fresh HMAC key on
 * each call) around one joined read; here the same checks run directly: the cookie's signature
 * with the library's secret, then one statement for the session and its user, read afresh on
 * every request, so a sign-out, a revocation or a newly verified address holds on the very next
 * one, on every process. Whatever is not the plain case — an expired session, or one due for
 * its sliding renewal — goes to the library, which deletes or renews it as it always did.
 */
export function createSessionReader(auth: Auth, db: Db): SessionReader {
  let settings: Promise<CookieSettings> | undefined;
  const load = async (): Promise<CookieSettings> => {
    const context = await auth.$context;
    const key = await crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(context.secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['verify'],
    );
    // Read as the library's general options: ours, typed narrowly, name none of these.
    const options: BetterAuthOptions = context.options;
    const session = options.session;
    return {
      direct:
        !options.secondaryStorage &&
        !session?.cookieCache?.enabled &&
        !session?.deferSessionRefresh &&
        !session?.disableSessionRefresh,
      cookieName: context.authCookies.sessionToken.name,
      key,
      expiresInMs: context.sessionConfig.expiresIn * 1000,
      updateAgeMs: context.sessionConfig.updateAge * 1000,
    };
  };

  return {
    async userFrom(headers, setCookies) {
      const cookies = headers.get('cookie');
      if (!cookies) return null;
      // A failed load is tried again by the next request rather than kept.
      settings ??= load().catch((error: unknown) => {
        settings = undefined;
        throw error;
      });
      const { direct, cookieName, key, expiresInMs, updateAgeMs } = await settings;
      if (!direct) return libraryUserFromHeaders(auth, headers, setCookies);
      const token = await verifiedToken(cookieValue(cookies, cookieName), key);
      if (!token) return null;
      const row = await db
        .selectFrom('sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .select(['s.id as session_id', 's.expires_at', 'u.id', 'u.name', 'u.email', 'u.email_verified'])
        .select('u.two_factor_enabled')
        .where('s.token', '=', token)
        .executeTakeFirst();
      if (!row) return null;
      const expiresAt = new Date(row.expires_at).getTime();
      const now = Date.now();
      // The library's own two checks: past its expiry, or `updateAge` since it was last renewed.
      const renewDue = expiresAt - expiresInMs + updateAgeMs <= now;
      if (expiresAt < now || renewDue) return libraryUserFromHeaders(auth, headers, setCookies);
      return {
        id: row.id,
        name: row.name,
        email: row.email,
        emailVerified: row.email_verified,
        twoFactorEnabled: row.two_factor_enabled,
        sessionId: row.session_id,
      };
    },
  };
}

/** The token of a signed cookie value (`token.base64(HMAC-SHA256(token))`), if its signature holds. */
async function verifiedToken(value: string | null, key: webcrypto.CryptoKey): Promise<string | null> {
  if (!value) return null;
  const dot = value.lastIndexOf('.');
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const signature = value.slice(dot + 1);
  // A SHA-256 HMAC in base64 is 44 characters ending in one '='; the library refuses anything else.
  if (signature.length !== 44 || !signature.endsWith('=')) return null;
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = Uint8Array.from(atob(signature), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
  const valid = await crypto.subtle.verify('HMAC', key, bytes, new TextEncoder().encode(token));
  return valid ? token : null;
}

/** One cookie's value from a `Cookie` header, decoded; the first of that name wins, as in the library. */
export function cookieValue(header: string, name: string): string | null {
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"')) value = value.slice(1, -1);
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return null;
}
