import { sql, type RawBuilder } from 'kysely';

/** A JSON value cast to jsonb, so PGlite and postgres.js both store an object, not a string. */
export function jsonb<T>(value: T): RawBuilder<T> {
  return sql<T>`cast(${JSON.stringify(value)} as jsonb)`;
}
