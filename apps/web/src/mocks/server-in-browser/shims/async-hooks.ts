/**
 * A tab serves one person: the store is set for the synchronous part of run() only, so after
 * the first await a request id or deadline reads as undefined (logs lose the id, no deadline).
 * Enough for mock mode; nothing in the rules depends on it.
 */
export class AsyncLocalStorage<T> {
  private store: T | undefined;

  run<R>(store: T, fn: () => R): R {
    const outer = this.store;
    this.store = store;
    try {
      return fn();
    } finally {
      this.store = outer;
    }
  }

  getStore(): T | undefined {
    return this.store;
  }
}
