import { z } from 'zod';

/** Every error code the API can answer with. Clients branch on `code`, never on `message`. */
export const ErrorCodeSchema = z.enum([
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'VERSION_CONFLICT',
  'DUPLICATE_INVITE',
  'ALREADY_MEMBER',
  'ALREADY_DECIDED',
  'LAST_ADMIN_PROTECTED',
  'LAST_OWNER_PROTECTED',
  'SELF_REMOVAL',
  'SELF_ROLE_CHANGE',
  'CREATOR_PROTECTED',
  'EXTERNAL_ROLE_LOCKED',
  'LIMIT_EXCEEDED',
  'INVITE_EXPIRED',
  'INVITE_REVOKED',
  'INVITE_WRONG_RECIPIENT',
  'SYNC_WINDOW_EXCEEDED',
  'RATE_LIMITED',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** The one table from error code to HTTP status. */
export const errorStatus: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  DUPLICATE_INVITE: 409,
  ALREADY_MEMBER: 409,
  ALREADY_DECIDED: 409,
  LAST_ADMIN_PROTECTED: 409,
  LAST_OWNER_PROTECTED: 409,
  SELF_REMOVAL: 409,
  SELF_ROLE_CHANGE: 409,
  CREATOR_PROTECTED: 409,
  EXTERNAL_ROLE_LOCKED: 409,
  LIMIT_EXCEEDED: 409,
  INVITE_EXPIRED: 410,
  INVITE_REVOKED: 410,
  INVITE_WRONG_RECIPIENT: 403,
  SYNC_WINDOW_EXCEEDED: 410,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/** The body of every error response: `{ error: { code, message, details } }`. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
