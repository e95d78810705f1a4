import type { Context } from 'hono';
import type { ErrorCode } from '@roster/contracts';
import type { Auth } from '../auth/auth.ts';
import { errorBody } from './error-handler.ts';

const codeByStatus: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  422: 'VALIDATION_FAILED',
  429: 'RATE_LIMITED',
};

/**
 * Hands /api/auth/* to the auth library and reshapes its refusals into our error envelope, so
 * the client reads one format everywhere. The library's own code stays in `details.reason`.
 */
export async function handleAuth(auth: Auth, c: Context): Promise<Response> {
  const response = await auth.handler(c.req.raw);
  if (response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return response;
  const original = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
  const code = codeByStatus[response.status] ?? 'INTERNAL';
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(
    JSON.stringify(errorBody(code, original.message ?? 'Request refused', { reason: original.code })),
    {
      status: response.status,
      headers,
    },
  );
}
