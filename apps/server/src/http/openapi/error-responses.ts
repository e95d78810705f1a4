import { ErrorCodeSchema, errorStatus, type ErrorCode } from '@roster/contracts';
import { COMPONENTS } from './json-schema.ts';
import type { ApiOperation } from './operation.ts';

const ORG_PATH = /^\/api\/orgs\/:orgId(\/|$)/;

/** The codes a route can answer by what it is, before its own rules speak (see app.ts). */
function impliedErrors(op: ApiOperation): ErrorCode[] {
  // Any request: a query key or value no one types is refused (the query guard), and the
  // request timeout answers one that waits too long.
  const codes: ErrorCode[] = ['VALIDATION_FAILED', 'BUSY'];
  if (op.access === 'session') codes.push('UNAUTHENTICATED');
  // A change from a foreign Origin is refused, its body must be JSON, and at most 1 MB.
  if (op.method !== 'get') codes.push('FORBIDDEN', 'VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE');
  // A path segment no id could be is answered 404 before any route runs.
  if (op.path.includes('/:')) codes.push('NOT_FOUND');
  // The org guard: strangers, members without two-factor where it is required, deleted orgs.
  if (ORG_PATH.test(op.path)) codes.push('FORBIDDEN', 'TWO_FACTOR_REQUIRED', 'ORG_NOT_FOUND');
  // A request with an API key: not one (any more), past its limit, or short of the scope (every
  // route but those listing one refuses keys outright). ADR 31.
  if (op.access !== 'public') {
    codes.push('API_KEY_INVALID', 'API_KEY_EXPIRED', 'API_KEY_REVOKED', 'API_KEY_SCOPE_MISSING', 'RATE_LIMITED');
  }
  return codes;
}

/** Every code an operation can answer, once each, in the order of the error table. */
export function operationErrors(op: ApiOperation): ErrorCode[] {
  const codes = new Set([...op.errors, ...impliedErrors(op)]);
  return ErrorCodeSchema.options.filter((code) => codes.has(code));
}

const retryAfter = {
  'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer', minimum: 0 } },
};

/** One response per status, its schema the error envelope with `code` narrowed to that status's codes. */
export function errorResponses(op: ApiOperation) {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of operationErrors(op)) {
    byStatus.set(errorStatus[code], [...(byStatus.get(errorStatus[code]) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus]
      .sort(([a], [b]) => a - b)
      .map(([status, codes]) => {
        const narrowed = {
          type: 'object',
          properties: { error: { type: 'object', properties: { code: { enum: codes } } } },
        };
        const response = {
          description: codes.map((code) => `\`${code}\``).join(', '),
          ...(status === 429 || status === 503 ? { headers: retryAfter } : {}),
          content: { 'application/json': { schema: { allOf: [{ $ref: `${COMPONENTS}ErrorBody` }, narrowed] } } },
        };
        return [String(status), response];
      }),
  );
}
