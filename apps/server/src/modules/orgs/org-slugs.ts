import type { Kysely } from 'kysely';
import { isAcceptableSlug, slugWithSuffix } from '@roster/contracts';
import type { Database } from '../../db/schema.ts';
import { DomainError } from '../../lib/domain-error.ts';
import { slugsLike } from './orgs.repository.ts';

/**
 * The first free slug of `base`, `base-2`, `base-3`, ...: free means acceptable (not reserved),
 * held by no other org, and not an old slug still leading to another org. One query, however
 * many suffixes are taken.
 */
export async function firstFreeSlug(
  db: Kysely<Database>,
  base: string,
  now: Date,
  exceptOrgId: string | null = null,
): Promise<string> {
  const taken = await slugsLike(db, base, exceptOrgId, now);
  if (isAcceptableSlug(base) && !taken.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = slugWithSuffix(base, suffix);
    if (isAcceptableSlug(candidate) && !taken.has(candidate)) return candidate;
  }
}

/** `SLUG_TAKEN`, with a free slug like the one asked for. */
export async function slugTaken(db: Kysely<Database>, slug: string, now: Date, exceptOrgId: string | null = null) {
  const suggestion = await firstFreeSlug(db, slug, now, exceptOrgId);
  return new DomainError('SLUG_TAKEN', `The address “${slug}” is taken; “${suggestion}” is free`, { suggestion });
}

/** Whether the database refused a row for a unique index (a slug taken by a concurrent change). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '23505';
}
