import type { z } from 'zod';
import { DomainError } from '../lib/domain-error.ts';

/** Parses with a contracts schema; a failure is a 422 that names each bad field. */
export function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  throw new DomainError('VALIDATION_FAILED', 'Some fields are not valid', { fields });
}

/** Reads a JSON body; a missing or malformed one is a validation failure, not a crash. */
export async function jsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new DomainError('VALIDATION_FAILED', 'The request body must be valid JSON');
  }
}
