import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ErrorBody, ErrorCode } from '@roster/contracts';
import { DomainError } from '../lib/domain-error.ts';
import type { Logger } from '../lib/logger.ts';
import type { AppEnv } from './context.ts';

export function errorBody(code: ErrorCode, message: string, details?: Record<string, unknown>): ErrorBody {
  return { error: { code, message, ...(details ? { details } : {}) } };
}

/** The one place errors become responses: domain errors by their code, anything else as INTERNAL. */
export function errorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (error, c) => {
    if (error instanceof DomainError) {
      return c.json(errorBody(error.code, error.message, error.details), error.status as 400);
    }
    if (error instanceof HTTPException && error.status < 500) {
      // Framework refusals (oversized or unreadable bodies) are bad input like any other.
      return c.json(errorBody('VALIDATION_FAILED', error.message || 'Bad request'), error.status);
    }
    const requestId = c.get('requestId');
    logger.error('unhandled error', {
      requestId,
      path: c.req.path,
      error: String(error),
      stack: (error as Error).stack,
    });
    return c.json(errorBody('INTERNAL', 'Something went wrong on our side', { requestId }), 500);
  };
}
