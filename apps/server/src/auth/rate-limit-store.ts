import { createRequire } from 'node:module';
import { RateLimiterRes, type RateLimiterStoreAbstract as StoreAbstract } from 'rate-limiter-flexible';
import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';

// The package types its store base class but leaves it out of its index: load it by path.
const RateLimiterStoreAbstract = createRequire(import.meta.url)(
  'rate-limiter-flexible/lib/RateLimiterStoreAbstract.js',
) as typeof StoreAbstract;

interface StoredCounter {
  points: number;
  expires_at: Date | string;
}

/**
 * rate-limiter-flexible's store contract over our own `rate_limits` table, through Kysely, so the
 * counters live where every process sees them on PGlite and on PostgreSQL alike. (Its bundled
 * Postgres store wants the `pg` driver, which we do not use.) One atomic upsert per hit.
 */
export class RateLimiterKysely extends RateLimiterStoreAbstract {
  private readonly db: Db;

  constructor(db: Db, options: { keyPrefix: string; points: number; duration: number }) {
    super({ ...options, storeClient: db });
    this.db = db;
  }

  async _upsert(key: string, points: number, msDuration: number, forceExpire = false) {
    const now = new Date();
    const expiresAt = new Date(now.getTime() + (msDuration > 0 ? msDuration : 100 * 365 * 86_400_000));
    const { rows } = await sql<StoredCounter>`
      insert into rate_limits (key, points, expires_at) values (${key}, ${points}, ${expiresAt})
      on conflict (key) do update set
        points = case when rate_limits.expires_at <= ${now} or ${forceExpire} then excluded.points
                      else rate_limits.points + excluded.points end,
        expires_at = case when rate_limits.expires_at <= ${now} or ${forceExpire} then excluded.expires_at
                          else rate_limits.expires_at end
      returning points, expires_at`.execute(this.db);
    return rows[0]!;
  }

  async _get(key: string) {
    const row = await this.db
      .selectFrom('rate_limits')
      .select(['points', 'expires_at'])
      .where('key', '=', key)
      .where('expires_at', '>', new Date())
      .executeTakeFirst();
    return row ?? null;
  }

  async _delete(key: string) {
    const result = await this.db.deleteFrom('rate_limits').where('key', '=', key).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  _getRateLimiterRes(_key: string, changedPoints: number, row: StoredCounter) {
    return new RateLimiterRes(
      Math.max(this.points - row.points, 0),
      Math.max(new Date(row.expires_at).getTime() - Date.now(), 0),
      row.points,
      changedPoints === row.points,
    );
  }
}

/** Expired counters are dead weight; any process may sweep them. */
export async function sweepRateLimits(db: Db): Promise<void> {
  await db.deleteFrom('rate_limits').where('expires_at', '<=', new Date()).execute();
}
