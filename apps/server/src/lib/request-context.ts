import { AsyncLocalStorage } from 'node:async_hooks';

/** The request being served: its id, and where it came from as the audit log records it. */
export interface RequestContext {
  requestId: string;
  /** The client's address as TRUST_PROXY says to read it. */
  ip?: string;
  /** The client's `User-Agent`, cut to a length the log can hold. */
  userAgent?: string;
}

/** Who is being served right now: carried through every await, read by the logger, errors and the audit log. */
const context = new AsyncLocalStorage<RequestContext>();

export function withRequestContext<T>(request: RequestContext, run: () => Promise<T>): Promise<T> {
  return context.run(request, run);
}

/** The current request's id; undefined outside a request (startup, background jobs). */
export function currentRequestId(): string | undefined {
  return context.getStore()?.requestId;
}

/** The current request, or undefined outside one (startup, background jobs). */
export function currentRequest(): RequestContext | undefined {
  return context.getStore();
}
