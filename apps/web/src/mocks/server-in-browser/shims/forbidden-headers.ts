/**
 * A page may not set Cookie or Origin on a Request, nor Set-Cookie on a Response: the browser
 * drops them silently. The server in the tab needs all three (sessions are cookies, mutations
 * check Origin), so requests get their own header list, and responses built in the tab keep the
 * headers they were given. Mock mode only; nothing leaves the tab.
 */
const NativeResponse = globalThis.Response;

class HeaderKeepingResponse extends NativeResponse {
  constructor(body?: BodyInit | null, init?: ResponseInit) {
    super(body, init);
    if (init?.headers) Object.defineProperty(this, 'headers', { value: new Headers(init.headers) });
  }

  static override json(data: unknown, init?: ResponseInit): Response {
    const headers = new Headers(init?.headers);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    return new HeaderKeepingResponse(JSON.stringify(data), { ...init, headers });
  }
}

const NativeRequest = globalThis.Request;

/** Middleware that rebuilds the request (hono/body-limit wraps its body) must keep them too. */
class HeaderKeepingRequest extends NativeRequest {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(input, init);
    const given = init?.headers ?? (input instanceof NativeRequest ? input.headers : undefined);
    if (given) Object.defineProperty(this, 'headers', { value: new Headers(given) });
  }
}

export function keepForbiddenHeaders(): void {
  globalThis.Response = HeaderKeepingResponse;
  globalThis.Request = HeaderKeepingRequest;
}

/** The request as the server must see it: the same, with headers a page may not set itself. */
export function withHeaders(request: Request, headers: Headers): Request {
  const copy = new NativeRequest(request);
  Object.defineProperty(copy, 'headers', { value: headers });
  return copy;
}
