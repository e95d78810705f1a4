import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ErrorBody, ErrorCode } from '@roster/contracts';
import { DomainError } from '../lib/domain-error.ts';
import { currentRequestId } from '../lib/request-context.ts';
import { busy, isDatabaseBusy } from '../db/database-busy.ts';
import type { Logger } from '../lib/logger.ts';
import type { AppEnv } from './context.ts';

/** Every error body names the request it answers, so a report can be matched to its log lines. */
export function errorBody(code: ErrorCode, message: string, details?: Record<string, unknown>): ErrorBody {
  const requestId = currentRequestId();
  return { error: { code, message, ...(details ? { details } : {}), ...(requestId ? { requestId } : {}) } };
}

/** The answer to a body over the limit: our envelope, not the framework's plain text. */
export const payloadTooLarge = (c: Context<AppEnv>) =>
  c.json(errorBody('PAYLOAD_TOO_LARGE', 'The request body is too large'), 413);

/** The one place errors become responses: domain errors by their code, anything else as INTERNAL. */
export function errorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (error, c) => {
    // A lock or statement timeout: the database is busy, not broken; nothing was changed.
    if (isDatabaseBusy(error)) error = busy('The server is busy; try again in a moment', 2);
    if (error instanceof DomainError) {
      // Every 429 and 503 tells the client when to come back, in the header clients know.
      const retryAfter = error.details?.['retryAfterSeconds'];
      if (typeof retryAfter === 'number') c.header('Retry-After', String(retryAfter));
      return c.json(errorBody(error.code, error.message, error.details), error.status as 400);
    }
    if (error instanceof HTTPException && error.status === 413) return payloadTooLarge(c);
    if (error instanceof HTTPException && error.status < 500) {
      // Framework refusals (oversized or unreadable bodies) are bad input like any other.
      return c.json(errorBody('VALIDATION_FAILED', error.message || 'Bad request'), error.status);
    }
    const requestId = c.get('requestId');
    logger.error('unhandled error', {
      requestId,
      path: c.req.path,
      error: String(error),
      stack: error.stack,
    });
    return c.json(errorBody('INTERNAL', 'Something went wrong on our side', { requestId }), 500);
  };
}
