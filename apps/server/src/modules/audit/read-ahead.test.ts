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

  it('begins the work on a page before asking for the next one, and yields what the work gives', async () => {
    const { asked, first, following } = book(3);
    const begun: Array<{ page: number; askedSoFar: number[] }> = [];
    const begin = async (page: number) => {
      begun.push({ page, askedSoFar: [...asked] });
      return `page ${page}`;
    };
    const seen: string[] = [];
    for await (const text of readAhead(first, following, begin)) seen.push(text);
    expect(begun).toEqual([
      { page: 1, askedSoFar: [1] },
      { page: 2, askedSoFar: [1, 2] },
      { page: 3, askedSoFar: [1, 2, 3] },
    ]);
    expect(seen).toEqual(['page 1', 'page 2', 'page 3']);
  });

  it('passes failed work on to the reader, without an unhandled rejection while the next page is read', async () => {
    const { first, following } = book(3);
    const pages = readAhead(first, following, (page) =>
      page === 2 ? Promise.reject(new Error('encoding failed')) : Promise.resolve(page),
    );
    const seen: number[] = [];
    const read = async () => {
      for await (const page of pages) seen.push(page);
    };
    await expect(read()).rejects.toThrow('encoding failed');
    expect(seen).toEqual([1]);
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
