import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The moment by which the current request must be answered, carried through every await of
 * its handling, so deeper layers (the org queue, a transaction's lock wait) give up in time
 * instead of working on for a client that was already told BUSY.
 */
const deadlines = new AsyncLocalStorage<number>();

export function withDeadline<T>(deadline: number, run: () => Promise<T>): Promise<T> {
  return deadlines.run(deadline, run);
}

/** Milliseconds left for the current request; undefined outside a request (background jobs). */
export function remainingMs(): number | undefined {
  const deadline = deadlines.getStore();
  return deadline === undefined ? undefined : deadline - Date.now();
}
