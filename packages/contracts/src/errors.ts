import { z } from 'zod';

/** Every error code the API can answer with. Clients branch on `code`, never on `message`. */
export const ErrorCodeSchema = z.enum([
  'VALIDATION_FAILED',
  /** A list cursor the server did not issue (or can no longer read): start from the first page. */
  'INVALID_CURSOR',
  /** The request body is larger than any request needs. */
  'PAYLOAD_TOO_LARGE',
  'UNAUTHENTICATED',
  /** An `Authorization: Bearer` value that is no key of Roster's (or one deleted). */
  'API_KEY_INVALID',
  /** The API key passed its expiry date. */
  'API_KEY_EXPIRED',
  /** An admin revoked the API key. */
  'API_KEY_REVOKED',
  /** The API key lacks the scope this route needs (`details.required`), or no key may use the route. */
  'API_KEY_SCOPE_MISSING',
  'FORBIDDEN',
  'NOT_FOUND',
  'VERSION_CONFLICT',
  'DUPLICATE_INVITE',
  'ALREADY_MEMBER',
  'ALREADY_DECIDED',
  /** An access request from someone who can already open that page (an admin, a workspace's member). */
  'ALREADY_HAS_ACCESS',
  'LAST_ADMIN_PROTECTED',
  'LAST_OWNER_PROTECTED',
  'SELF_REMOVAL',
  'SELF_ROLE_CHANGE',
  'CREATOR_PROTECTED',
  'EXTERNAL_ROLE_LOCKED',
  /** R22: an external would become (or stay) a workspace owner. */
  'EXTERNAL_CANNOT_OWN',
  'LIMIT_EXCEEDED',
  /** Another workspace of the org already has this name (compared case-insensitively). */
  'WORKSPACE_NAME_TAKEN',
  /** Another organization holds this slug (or held it within the last 30 days): `details.suggestion` is free. */
  'SLUG_TAKEN',
  /** No organization of yours answers to this slug. */
  'ORG_NOT_FOUND',
  /** The creator role goes only to someone who is an ADMIN of the org right now. */
  'TRANSFER_TARGET_NOT_ADMIN',
  /** A destructive change whose typed confirmation (the org's name) does not match. */
  'CONFIRMATION_MISMATCH',
  /** A public mail domain (gmail.com, ...): nobody can claim it for an organization. */
  'PUBLIC_EMAIL_DOMAIN',
  /** The org already has this domain, or another org verified it first. */
  'DOMAIN_TAKEN',
  'INVITE_EXPIRED',
  'INVITE_REVOKED',
  'INVITE_WRONG_RECIPIENT',
  'SYNC_WINDOW_EXCEEDED',
  'RATE_LIMITED',
  /** A member already holds `maxPendingRequestsPerMember` requests waiting for a decision. */
  'REQUEST_LIMIT',
  'EMAIL_NOT_VERIFIED',
  'TWO_FACTOR_REQUIRED',
  'WEAK_PASSWORD',
  'ACCOUNT_EXISTS',
  /** This change cannot be undone: not a kind that undo covers, its window passed, or the account is gone. */
  /** A webhook URL that resolves to a loopback, private, link-local, multicast or metadata address, or is not https. */
  'WEBHOOK_URL_REFUSED',
  'NOT_REVERTIBLE',
  /** This change was already undone (by you or another admin). */
  'ALREADY_REVERTED',
  /** The server (or this organization's queue of changes) is too busy right now: retry after `Retry-After` seconds. */
  'BUSY',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** The one table from error code to HTTP status. */
export const errorStatus: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 422,
  INVALID_CURSOR: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  API_KEY_INVALID: 401,
  API_KEY_EXPIRED: 401,
  API_KEY_REVOKED: 401,
  API_KEY_SCOPE_MISSING: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  DUPLICATE_INVITE: 409,
  ALREADY_MEMBER: 409,
  ALREADY_DECIDED: 409,
  ALREADY_HAS_ACCESS: 409,
  LAST_ADMIN_PROTECTED: 409,
  LAST_OWNER_PROTECTED: 409,
  SELF_REMOVAL: 409,
  SELF_ROLE_CHANGE: 409,
  CREATOR_PROTECTED: 409,
  EXTERNAL_ROLE_LOCKED: 409,
  EXTERNAL_CANNOT_OWN: 422,
  LIMIT_EXCEEDED: 409,
  WORKSPACE_NAME_TAKEN: 409,
  SLUG_TAKEN: 409,
  ORG_NOT_FOUND: 404,
  TRANSFER_TARGET_NOT_ADMIN: 409,
  CONFIRMATION_MISMATCH: 400,
  PUBLIC_EMAIL_DOMAIN: 422,
  DOMAIN_TAKEN: 409,
  INVITE_EXPIRED: 410,
  INVITE_REVOKED: 410,
  INVITE_WRONG_RECIPIENT: 403,
  SYNC_WINDOW_EXCEEDED: 410,
  RATE_LIMITED: 429,
  REQUEST_LIMIT: 429,
  EMAIL_NOT_VERIFIED: 403,
  TWO_FACTOR_REQUIRED: 403,
  WEAK_PASSWORD: 400,
  ACCOUNT_EXISTS: 409,
  WEBHOOK_URL_REFUSED: 422,
  NOT_REVERTIBLE: 422,
  ALREADY_REVERTED: 409,
  BUSY: 503,
  INTERNAL: 500,
};

/** The body of every error response: `{ error: { code, message, details } }`. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
    /** The request's id (also its `X-Request-Id` header): quote it when reporting a problem. */
    requestId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
