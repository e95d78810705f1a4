import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './member-cursor.ts';

describe('member cursors', () => {
  it('round-trips sort values and the id', () => {
    const cursor = encodeCursor(['MEMBER', 'linus torvalds'], 'u1');
    expect(decodeCursor(cursor, 2)).toEqual({ values: ['MEMBER', 'linus torvalds'], id: 'u1' });
  });
  it('refuses a cursor of another shape or garbage with VALIDATION_FAILED', () => {
    expect(() => decodeCursor(encodeCursor(['a'], 'u1'), 2)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => decodeCursor('%%%not-base64', 1)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => decodeCursor(encodeCursor(['yesterday'], 'u1'), 1, true)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});
