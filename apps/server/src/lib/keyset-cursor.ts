import { z } from 'zod';
import { IdSchema, OrgRoleSchema, isStorable } from '@roster/contracts';
import { DomainError } from './domain-error.ts';

/**
 * A sort value as a cursor carries it. Each kind admits only what the server itself writes
 * there, so a forged cursor is refused before its values reach a query.
 */
export const cursorValue = {
  /** `Date#toISOString()` of a stored timestamp: years 0001–9999 lie well inside PostgreSQL's range. */
  date: z
    .string()
    .regex(/^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
    .refine((value) => {
      const date = new Date(value);
      return !Number.isNaN(date.getTime()) && date.toISOString() === value;
    }),
  /** A stored (lower-cased) name or address: PostgreSQL text never holds NUL or a lone surrogate. */
  text: z.string().max(1024).refine(isStorable),
  role: OrgRoleSchema,
} as const;

export interface KeysetCursor {
  encode(values: string[], id: string): string;
  /** The sort values and id after which the next page starts; `INVALID_CURSOR` for anything else. */
  decode(cursor: string): { values: string[]; id: string };
}

/**
 * Cursors are opaque to clients: the list they belong to, the last row's sort values and its
 * id, as base64url JSON. Only the exact encoding this function produces is read back, so a
 * cursor of another list, another sort, or a hand-made one answers 400 `INVALID_CURSOR`.
 */
export function keysetCursor(list: string, values: Array<z.ZodType<string>>): KeysetCursor {
  const payload = z.tuple([z.literal(list), ...values, IdSchema] as unknown as [z.ZodType, ...z.ZodType[]]);
  return {
    encode: (sortValues, id) => toBase64Url([list, ...sortValues, id]),
    decode(cursor) {
      const parts = payload.safeParse(fromBase64Url(cursor));
      if (!parts.success || toBase64Url(parts.data) !== cursor) throw invalidCursor();
      const [, ...rest] = parts.data as string[];
      return { values: rest.slice(0, -1), id: rest.at(-1)! };
    },
  };
}

const toBase64Url = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');

function fromBase64Url(cursor: string): unknown {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

const invalidCursor = () =>
  new DomainError('INVALID_CURSOR', 'The cursor does not belong to this list; start again from the first page', {
    field: 'cursor',
  });
