import { HttpResponse } from 'msw';
import { errorStatus, type ErrorCode } from '@roster/contracts';

/**
 * A refusal body shaped like the server's (`{ error: { code, message, details } }`, status from
 * the contracts), for the rare situation the UI under test cannot reach on the real app.
 */
export function errorResponse(code: ErrorCode, message: string, details?: Record<string, unknown>) {
  return HttpResponse.json(
    { error: { code, message, ...(details ? { details } : {}) } },
    { status: errorStatus[code] },
  );
}
