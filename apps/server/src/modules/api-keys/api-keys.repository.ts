import type { Transaction } from 'kysely';
import { ApiKeyScopeSchema, type ApiKey, type ApiKeyScope } from '@roster/contracts';
import type { Db } from '../../db/connect.ts';
import { jsonb } from '../../db/json.ts';
import type { Database } from '../../db/schema.ts';

type Reader = Db | Transaction<Database>;

const listed = [
  'id',
  'name',
  'prefix',
  'scopes',
  'created_by',
  'created_by_name',
  'created_at',
  'last_used_at',
  'last_used_ip',
  'expires_at',
] as const;

interface ListedRow {
  id: string;
  name: string;
  prefix: string;
  scopes: unknown;
  created_by: string;
  created_by_name: string;
  created_at: Date | string;
  last_used_at: Date | string | null;
  last_used_ip: string | null;
  expires_at: Date | string | null;
}

const iso = (value: Date | string) => new Date(value).toISOString();

export const parseScopes = (value: unknown): ApiKeyScope[] => ApiKeyScopeSchema.array().parse(value);

function toApiKey(row: ListedRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: parseScopes(row.scopes),
    createdBy: { id: row.created_by, name: row.created_by_name },
    createdAt: iso(row.created_at),
    lastUsedAt: row.last_used_at === null ? null : iso(row.last_used_at),
    lastUsedIp: row.last_used_ip,
    expiresAt: row.expires_at === null ? null : iso(row.expires_at),
  };
}

export interface NewApiKeyRow {
  id: string;
  orgId: string;
  name: string;
  prefix: string;
  hash: string;
  scopes: ApiKeyScope[];
  createdBy: { id: string; name: string };
  createdAt: Date;
  expiresAt: Date | null;
}

export async function insertApiKey(tx: Reader, key: NewApiKeyRow): Promise<ApiKey> {
  const row = await tx
    .insertInto('api_keys')
    .values({
      id: key.id,
      org_id: key.orgId,
      name: key.name,
      prefix: key.prefix,
      key_hash: key.hash,
      scopes: jsonb(key.scopes),
      created_by: key.createdBy.id,
      created_by_name: key.createdBy.name,
      created_at: key.createdAt,
      expires_at: key.expiresAt,
    })
    .returning(listed)
    .executeTakeFirstOrThrow();
  return toApiKey(row);
}

/** The org's keys that are not revoked, newest first (expired ones too: they say so). */
export async function listApiKeys(db: Reader, orgId: string): Promise<ApiKey[]> {
  const rows = await db
    .selectFrom('api_keys')
    .select(listed)
    .where('org_id', '=', orgId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toApiKey);
}

export async function countLiveApiKeys(tx: Reader, orgId: string): Promise<number> {
  const row = await tx
    .selectFrom('api_keys')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('org_id', '=', orgId)
    .where('revoked_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Revokes a key of the org that is not revoked yet; null when there is none (or it already is). */
export async function revokeApiKeyRow(
  tx: Reader,
  f: { orgId: string; id: string; by: string; at: Date },
): Promise<ApiKey | null> {
  const row = await tx
    .updateTable('api_keys')
    .set({ revoked_at: f.at, revoked_by: f.by })
    .where('id', '=', f.id)
    .where('org_id', '=', f.orgId)
    .where('revoked_at', 'is', null)
    .returning(listed)
    .executeTakeFirst();
  return row ? toApiKey(row) : null;
}

export interface StoredApiKey {
  id: string;
  orgId: string;
  name: string;
  scopes: ApiKeyScope[];
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/** The key with this hash, revoked or not; one read of a unique index, on every request. */
export async function findApiKeyByHash(db: Reader, hash: string): Promise<StoredApiKey | null> {
  const row = await db
    .selectFrom('api_keys')
    .select(['id', 'org_id', 'name', 'scopes', 'expires_at', 'revoked_at', 'last_used_at'])
    .where('key_hash', '=', hash)
    .executeTakeFirst();
  if (!row) return null;
  const date = (value: Date | string | null) => (value === null ? null : new Date(value));
  return {
    id: row.id,
    orgId: row.org_id,
    name: row.name,
    scopes: parseScopes(row.scopes),
    expiresAt: date(row.expires_at),
    revokedAt: date(row.revoked_at),
    lastUsedAt: date(row.last_used_at),
  };
}

/**
 * The key's scopes when it may act for the org right now (its org's, not revoked, not expired),
 * else null. Read again under the org's lock, so a key revoked while its change waited is refused.
 */
export async function liveKeyScopes(
  tx: Reader,
  keyId: string,
  orgId: string,
  now: Date,
): Promise<ApiKeyScope[] | null> {
  const row = await tx
    .selectFrom('api_keys')
    .select(['scopes'])
    .where('id', '=', keyId)
    .where('org_id', '=', orgId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .executeTakeFirst();
  return row ? parseScopes(row.scopes) : null;
}

/** Notes a use at most once a minute per key: one conditional update, outside any org lock. */
export async function touchApiKey(db: Db, f: { id: string; at: Date; ip: string | null }): Promise<void> {
  await db
    .updateTable('api_keys')
    .set({ last_used_at: f.at, last_used_ip: f.ip })
    .where('id', '=', f.id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', new Date(f.at.getTime() - 60_000))]))
    .execute();
}
