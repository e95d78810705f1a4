import { DomainError } from '../../lib/domain-error.ts';

/** Cursors are opaque to clients: the last row's sort values and id, base64url-encoded. */
export function encodeCursor(values: string[], id: string): string {
  return Buffer.from(JSON.stringify([...values, id])).toString('base64url');
}

export function decodeCursor(
  cursor: string,
  valueCount: number,
  firstIsDate = false,
): { values: string[]; id: string } {
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const wellFormed =
      Array.isArray(parts) &&
      parts.length === valueCount + 1 &&
      parts.every((p) => typeof p === 'string') &&
      (!firstIsDate || !Number.isNaN(Date.parse(parts[0] as string)));
    if (wellFormed) {
      return { values: parts.slice(0, valueCount) as string[], id: parts[valueCount] as string };
    }
  } catch {
    // fall through to the refusal below
  }
  throw new DomainError(
    'VALIDATION_FAILED',
    'The cursor does not belong to this list; start again from the first page',
    {
      field: 'cursor',
    },
  );
}
