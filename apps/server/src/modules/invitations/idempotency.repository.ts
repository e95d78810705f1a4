import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { jsonb } from '../../db/json.ts';
import { DomainError } from '../../lib/domain-error.ts';

type Db = Kysely<Database>;

export interface IdempotencyScope {
  orgId: string;
  actorId: string;
  key: string;
  /** The request the key was first used for; a different one under the same key is refused. */
  request: unknown;
}

const hashRequest = (request: unknown) => createHash('sha256').update(JSON.stringify(request)).digest('hex');

/** The stored answer for this key and actor, or null when the key is new. */
export async function replayIdempotent<T>(tx: Db, scope: IdempotencyScope): Promise<T | null> {
  const row = await tx
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'response'])
    .where('org_id', '=', scope.orgId)
    .where('actor_id', '=', scope.actorId)
    .where('key', '=', scope.key)
    .executeTakeFirst();
  if (!row) return null;
  if (row.request_hash !== hashRequest(scope.request)) {
    throw new DomainError('VALIDATION_FAILED', 'This Idempotency-Key was already used for a different request', {
      field: 'Idempotency-Key',
    });
  }
  return row.response as T;
}

/** Stored in the same transaction as the change, so a replay sees it exactly when the change committed. */
export async function rememberIdempotent(tx: Db, scope: IdempotencyScope, response: unknown, at: Date) {
  await tx
    .insertInto('idempotency_keys')
    .values({
      org_id: scope.orgId,
      actor_id: scope.actorId,
      key: scope.key,
      request_hash: hashRequest(scope.request),
      response: jsonb(response),
      created_at: at,
    })
    .execute();
}
