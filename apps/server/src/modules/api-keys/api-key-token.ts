import { createHash, randomBytes } from 'node:crypto';
import { API_KEY_PREFIX } from '@roster/contracts';

/** Every API key's id starts so; no account id can (the auth library's ids are letters and digits). */
const KEY_ID_PREFIX = 'ak_';
const KEY_SHAPE = /^rk_[0-9a-f]{8}_[0-9a-f]{64}$/;

/**
 * A new key: `rk_<prefix>_<secret>`, 256 random bits of secret. The caller sees it once; only
 * its SHA-256 hash is kept (a key is random enough that a slow hash adds nothing, and the hash is
 * looked up on every request). ADR 31.
 */
export function newApiKey(): { id: string; key: string; prefix: string; hash: string } {
  const prefix = `${API_KEY_PREFIX}${randomBytes(4).toString('hex')}`;
  const key = `${prefix}_${randomBytes(32).toString('hex')}`;
  return { id: `${KEY_ID_PREFIX}${randomBytes(12).toString('hex')}`, key, prefix, hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Whether the value could be one of our keys at all (checked before any read). */
export const looksLikeApiKey = (value: string) => KEY_SHAPE.test(value);

/** Whether an actor id (as the audit log keeps it) is an API key's. */
export const isApiKeyId = (id: string) => id.startsWith(KEY_ID_PREFIX);

/**
 * What a member row's `changed_by` (a person, by foreign key) may hold for a change by this
 * actor: an API key's change leaves it empty (the audit log names the key).
 */
export const changedByPerson = (actorId: string) => (isApiKeyId(actorId) ? null : actorId);

/** The token of an `Authorization: Bearer <token>` header, or null when the request sends none. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer(?:\s+(\S*))?\s*$/i.exec(header);
  return match ? (match[1] ?? '') : null;
}
