/**
 * An export's pages, each read while the one before it is encoded and sent (ADR 32): one page
 * ahead, so memory holds two pages however long the export. `following` says how to read the
 * page after one, or null after the last. `begin`, when given, starts the work on a page before
 * the next page is read, and the generator yields what it gives: an encoding handed to a worker
 * thread then runs while PGlite reads the next page on this thread (ADR 34); begun after, it
 * would wait for that read.
 */
export async function* readAhead<Page, Out = Page>(
  first: () => Promise<Page>,
  following: (page: Page) => (() => Promise<Page>) | null,
  begin: (page: Page) => Promise<Out> = (page) => Promise.resolve(page as unknown as Out),
): AsyncGenerator<Out> {
  let next = started(first);
  for (;;) {
    let page: Page | null = await next;
    const work = started(() => begin(page!));
    const read = following(page);
    // Held no longer than its work needs, while the client takes what it gave.
    page = null;
    if (read) {
      next = started(read);
      await untilSent();
    }
    yield await work;
    if (!read) return;
  }
}

/** A promise begun now and awaited later; one the client left before it would otherwise go unhandled. */
function started<T>(run: () => Promise<T>): Promise<T> {
  const promise = run();
  promise.catch(() => {});
  return promise;
}

/**
 * Two turns of the event loop. The PostgreSQL driver writes a query to its socket from a
 * `setImmediate` queued after this one's first turn; without the wait, the page's synchronous
 * encoding ran before the next page's query left, and the database sat idle through it (the
 * export ran at half its speed). PGlite answers in this thread either way.
 */
const untilSent = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));
