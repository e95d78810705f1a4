import { z } from 'zod';
import { ActorSchema, IdSchema, TimestampSchema } from './common.ts';
import { text } from './text.ts';

/**
 * What an org API key may do. Each org route needs one scope (reads `:read`, changes `:write`);
 * `admin` is apart: it lets the key grant the org's ADMIN role (invite an admin, make someone
 * one, approve a request for one), and only the org's creator may give it. ADR 31.
 */
export const ApiKeyScopeSchema = z.enum([
  'members:read',
  'members:write',
  'invitations:read',
  'invitations:write',
  'workspaces:read',
  'workspaces:write',
  'audit:read',
  'settings:read',
  'settings:write',
  'admin',
]);
export type ApiKeyScope = z.infer<typeof ApiKeyScopeSchema>;
export const API_KEY_SCOPES = ApiKeyScopeSchema.options;

/** Every key starts so; secret scanners look for it (`rk_<prefix>_<secret>`). */
export const API_KEY_PREFIX = 'rk_';
/** Requests one key may make a minute, counted across every server process. */
export const API_KEY_REQUESTS_PER_MINUTE = 600;
/** Keys an org may hold at once (revoked ones do not count). */
export const MAX_API_KEYS_PER_ORG = 50;
export const API_KEY_NAME_MAX = 100;
export const API_KEY_MAX_EXPIRY_DAYS = 365;

/** Body of `POST /api/orgs/:orgId/api-keys` (admins). Without `expiresInDays` the key does not expire. */
export const CreateApiKeySchema = z
  .object({
    name: text({ min: 1, max: API_KEY_NAME_MAX, trim: true }),
    scopes: z
      .array(ApiKeyScopeSchema)
      .min(1, 'Choose at least one scope')
      .max(API_KEY_SCOPES.length)
      .refine((scopes) => new Set(scopes).size === scopes.length, 'Name each scope once'),
    expiresInDays: z.number().int().min(1).max(API_KEY_MAX_EXPIRY_DAYS).optional(),
  })
  .strict();
export type CreateApiKey = z.infer<typeof CreateApiKeySchema>;

/** The 201 answer: `key` is the secret, shown this once and never again (only its hash is kept). */
export const CreatedApiKeySchema = z.object({
  id: IdSchema,
  key: z.string(),
  /** What the list shows to tell keys apart: `rk_<prefix>`. */
  prefix: z.string(),
});
export type CreatedApiKey = z.infer<typeof CreatedApiKeySchema>;

/** A key as the Developers page lists it: never its secret. */
export const ApiKeySchema = z.object({
  id: IdSchema,
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(ApiKeyScopeSchema),
  createdBy: ActorSchema,
  createdAt: TimestampSchema,
  /** When and from where the key was last used (updated at most once a minute). */
  lastUsedAt: TimestampSchema.nullable(),
  lastUsedIp: z.string().nullable(),
  expiresAt: TimestampSchema.nullable(),
});
export type ApiKey = z.infer<typeof ApiKeySchema>;

/** `GET /api/orgs/:orgId/api-keys` (admins): the keys not revoked, newest first. */
export const ListApiKeysResponseSchema = z.object({ items: z.array(ApiKeySchema) });
export type ListApiKeysResponse = z.infer<typeof ListApiKeysResponseSchema>;

/** The audit/event data of `api_key.created` and `api_key.revoked`: the key as listed. */
export const ApiKeyEventDataSchema = z.object({ apiKey: ApiKeySchema });
