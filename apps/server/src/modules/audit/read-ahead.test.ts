import { describe, expect, it } from 'vitest';
import { readAhead } from './read-ahead.ts';

/** Pages 1..last; each read is logged when it is asked for. */
function book(last: number) {
  const asked: number[] = [];
  const read = (n: number) => () => {
    asked.push(n);
    return Promise.resolve(n);
  };
  const following = (n: number) => (n < last ? read(n + 1) : null);
  return { asked, first: read(1), following };
}

describe('reading an export one page ahead', () => {
  it('asks for the next page before handing over the current one, and yields every page once, in order', async () => {
    const { asked, first, following } = book(3);
    const seen: Array<{ page: number; askedSoFar: number[] }> = [];
    for await (const page of readAhead(first, following)) seen.push({ page, askedSoFar: [...asked] });
    expect(seen).toEqual([
      { page: 1, askedSoFar: [1, 2] },
      { page: 2, askedSoFar: [1, 2, 3] },
      { page: 3, askedSoFar: [1, 2, 3] },
    ]);
  });

  it('stops reading when the client leaves, and a failed read it left behind goes unnoticed', async () => {
    const asked: number[] = [];
    const pages = readAhead(
      () => Promise.resolve(1),
      (n) => () => {
        asked.push(n + 1);
        return Promise.reject(new Error('the client is gone'));
      },
    );
    for await (const page of pages) {
      expect(page).toBe(1);
      break;
    }
    expect(asked).toEqual([2]);
  });

  it('passes a failed read on to the reader', async () => {
    const pages = readAhead(
      () => Promise.resolve(1),
      () => () => Promise.reject(new Error('the database is gone')),
    );
    const read = async () => {
      for await (const page of pages) void page;
    };
    await expect(read()).rejects.toThrow('the database is gone');
  });
});
