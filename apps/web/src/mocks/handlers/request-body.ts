import type { z } from 'zod';
import { MockRefusal } from '../mock-errors.ts';

/** The request's JSON body checked against its contract; 400 VALIDATION_FAILED otherwise. */
export async function body<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const parsed = schema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) throw new MockRefusal('VALIDATION_FAILED', 'The request is not valid');
  return parsed.data;
}
