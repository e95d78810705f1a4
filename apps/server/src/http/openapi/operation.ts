import type { z } from 'zod';
import type { ApiKeyScope, ErrorCode } from '@roster/contracts';

/** The groups the reference shows its operations in, in this order. */
export const OPERATION_TAGS = {
  Account: 'Signing up and in, passwords, two-factor: the auth library, behind our limits and error envelope.',
  Me: 'The signed-in person: their profile, sessions, inbox, requests and the orgs their address suggests.',
  Organizations: 'Creating, reading, renaming, handing over, deleting and restoring an organization.',
  Domains: 'Mail domains an organization verified, and joining by them (R21).',
  Webhooks: "Signed webhooks: an organization's receivers, their secrets and delivery log.",
  Members: "An organization's members: list, role changes, removals, bulk changes, undo.",
  Invitations: 'Invitations an organization sends, and the link its invitee opens.',
  'Invite requests': 'Invitations members proposed, waiting for an admin.',
  Workspaces: "An organization's workspaces and who is in them.",
  Settings: "An organization's settings, and leaving it.",
  Developers: "An organization's API keys, for its own programs.",
  'Access requests': 'Asking the admins for a page that answered "Access restricted".',
  Audit: 'The audit log, its exports and reverts.',
  Events: 'Catching up with the live events after a gap.',
  Service: 'Health and this reference.',
} as const;
export type OperationTag = keyof typeof OPERATION_TAGS;

/**
 * Who may call: `public` anyone; `session` a signed-in person (the session cookie); `optional`
 * anyone, answered differently once signed in.
 */
export type OperationAccess = 'public' | 'session' | 'optional';

export type HttpMethod = 'get' | 'post' | 'patch' | 'delete';

/** A header a request sends or a response carries. */
export interface HeaderSpec {
  name: string;
  description: string;
  schema: z.ZodType;
  required?: boolean;
}

/** The media types an answer comes in, each with the schema of its body (of one line for NDJSON). */
export interface ContentSpec {
  json?: z.ZodType;
  /** One JSON object per line, each matching the schema, written as the work goes. */
  ndjson?: z.ZodType;
  /** A CSV file: a header row, then one row per item. */
  csv?: z.ZodType;
}

export interface SuccessSpec {
  status: 200 | 201 | 204;
  description: string;
  content?: ContentSpec;
  headers?: HeaderSpec[];
}

/**
 * One route of the API as the reference tells it. Schemas are the very objects the handler
 * validates with (imported from the contracts), so the reference cannot drift from the checks.
 */
export interface ApiOperation {
  id: string;
  method: HttpMethod;
  /** As the router writes it: `/api/orgs/:orgId/members/:userId`. */
  path: string;
  tag: OperationTag;
  summary: string;
  description?: string;
  access: OperationAccess;
  /**
   * The scope an org API key needs to call this route (`Authorization: Bearer`); without it no
   * key may (ADR 31). The API key gate reads this very table, so the reference cannot drift.
   */
  apiKeyScope?: ApiKeyScope;
  /** The query, as the handler validates it; each property is one parameter. */
  query?: z.ZodObject;
  /** The JSON body, as the handler validates it. */
  body?: z.ZodType;
  requestHeaders?: HeaderSpec[];
  success: SuccessSpec;
  /**
   * The refusals of this route's own rules. What every route of its kind can answer (a missing
   * session, a bad body, a stranger to the org...) the document adds by itself.
   */
  errors: ErrorCode[];
}
