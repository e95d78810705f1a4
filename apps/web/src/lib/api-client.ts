import { ErrorBodySchema } from '@roster/contracts';
import type { z } from 'zod';
import { ApiError } from './api-error.ts';
import { takeEarly } from './early-fetch.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

interface RequestOptions<S extends z.ZodType | undefined> {
  method?: Method;
  body?: unknown;
  /** The contract schema the response must match; omit for bodiless answers (204). */
  schema?: S;
  signal?: AbortSignal;
  /** Extra request headers, e.g. `Idempotency-Key`. */
  headers?: Record<string, string>;
  /** Reads the headers of a successful answer, e.g. the event seq a change names for its Undo. */
  onHeaders?: (headers: Headers) => void;
}

type Result<S> = S extends z.ZodType ? z.output<S> : undefined;

/**
 * The one door to the API: same-origin cookies, JSON both ways, contract-checked answers, and
 * refusals turned into an ApiError that carries the contract's code.
 */
export async function apiRequest<S extends z.ZodType | undefined = undefined>(
  path: string,
  { method = 'GET', body, schema, signal, headers: extraHeaders, onHeaders }: RequestOptions<S> = {},
): Promise<Result<S>> {
  // An absolute URL, because fetch outside a browser (tests) has no base to resolve against.
  const url = new URL(path, window.location.origin);
  const headers: Record<string, string> = { ...extraHeaders, accept: 'application/json' };
  // The server accepts mutations only as JSON, so every non-GET carries a JSON body.
  if (method !== 'GET') headers['content-type'] = 'application/json';
  let response: Response;
  try {
    const started = method === 'GET' && !extraHeaders ? takeEarly(path) : undefined;
    response = await (started ??
      fetch(url, {
        method,
        headers,
        credentials: 'same-origin',
        body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
        signal,
      }));
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'INTERNAL', 'Cannot reach the server. Check your connection and try again.');
  }
  if (!response.ok) throw await toApiError(response);
  onHeaders?.(response.headers);
  if (!schema) return undefined as Result<S>;
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) {
    console.error(`Response of ${method} ${url.pathname} does not match the contract`, parsed.error.issues);
    throw new ApiError(response.status, 'INTERNAL', 'The server sent an unexpected answer.');
  }
  return parsed.data as Result<S>;
}

async function toApiError(response: Response): Promise<ApiError> {
  const parsed = ErrorBodySchema.safeParse(await response.json().catch(() => undefined));
  const retryAfter = retryAfterSeconds(response.headers.get('retry-after'));
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(response.status, code, message, details, retryAfter);
  }
  const code = response.status === 401 ? 'UNAUTHENTICATED' : response.status === 403 ? 'FORBIDDEN' : 'INTERNAL';
  return new ApiError(response.status, code, `Request failed (${response.status})`, undefined, retryAfter);
}

/** `Retry-After` is either delay-seconds or an HTTP date (RFC 9110); both become seconds from now. */
function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}
