import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is being served right now: carried through every await, read by the logger and errors. */
const context = new AsyncLocalStorage<{ requestId: string }>();

export function withRequestId<T>(requestId: string, run: () => Promise<T>): Promise<T> {
  return context.run({ requestId }, run);
}

/** The current request's id; undefined outside a request (startup, background jobs). */
export function currentRequestId(): string | undefined {
  return context.getStore()?.requestId;
}
