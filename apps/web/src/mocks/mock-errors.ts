import { HttpResponse } from 'msw';
import { errorStatus, type ErrorBody, type ErrorCode } from '@roster/contracts';

/** A refusal shaped exactly like the server's: `{ error: { code, message, details } }`, status from the contracts. */
export class MockRefusal extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export function errorResponse(code: ErrorCode, message: string, details?: Record<string, unknown>) {
  const body: ErrorBody = { error: { code, message, ...(details ? { details } : {}) } };
  return HttpResponse.json(body, { status: errorStatus[code] });
}

/** Runs a handler body, turning a thrown refusal into its error response. */
export async function refusalsAsResponses(run: () => Response | Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof MockRefusal) return errorResponse(error.code, error.message, error.details);
    throw error;
  }
}
