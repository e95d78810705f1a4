/**
 * An export's pages, each read while the one before it is encoded and sent (ADR 32): one page
 * ahead, so memory holds two pages however long the export. `following` says how to read the
 * page after one, or null after the last.
 */
export async function* readAhead<Page>(
  first: () => Promise<Page>,
  following: (page: Page) => (() => Promise<Page>) | null,
): AsyncGenerator<Page> {
  let next = started(first);
  for (;;) {
    const page = await next;
    const read = following(page);
    if (read) {
      next = started(read);
      await untilSent();
    }
    yield page;
    if (!read) return;
  }
}

/** A read begun now and awaited later; one the client left before it would otherwise go unhandled. */
function started<Page>(read: () => Promise<Page>): Promise<Page> {
  const page = read();
  page.catch(() => {});
  return page;
}

/**
 * Two turns of the event loop. The PostgreSQL driver writes a query to its socket from a
 * `setImmediate` queued after this one's first turn; without the wait, the page's synchronous
 * encoding ran before the next page's query left, and the database sat idle through it (the
 * export ran at half its speed). PGlite answers in this thread either way.
 */
const untilSent = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));
