import { AsyncLocalStorage } from 'node:async_hooks';

/** The request being served: its id, and where it came from as the audit log records it. */
export interface RequestContext {
  requestId: string;
  /** The client's address as TRUST_PROXY says to read it. */
  ip?: string;
  /** The client's `User-Agent`, cut to a length the log can hold. */
  userAgent?: string;
  /**
   * A value the request read once and may read again before it changes anything (the org
   * guard's read of the caller's access, ADR 25): keyed, so a read for another key misses.
   */
  remembered?: { key: string; value: unknown };
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

/** Keeps `value` under `key` for the rest of the current request (nothing outside a request). */
export function rememberForRequest(key: string, value: unknown): void {
  const request = context.getStore();
  if (request) request.remembered = { key, value };
}

/** What this request remembered under `key`, or undefined; `forget` drops it (after a change). */
export function rememberedInRequest<T>(key: string): T | undefined {
  const remembered = context.getStore()?.remembered;
  return remembered?.key === key ? (remembered.value as T) : undefined;
}

export function forgetForRequest(): void {
  const request = context.getStore();
  if (request) request.remembered = undefined;
}
