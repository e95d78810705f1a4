import { sql, type RawBuilder } from 'kysely';

/**
 * A JSON value cast to jsonb. The parameter is typed as text first: postgres.js would otherwise
 * see a jsonb parameter and encode the already-encoded string a second time.
 */
export function jsonb<T>(value: T): RawBuilder<T> {
  return sql<T>`cast(cast(${JSON.stringify(value)} as text) as jsonb)`;
}
