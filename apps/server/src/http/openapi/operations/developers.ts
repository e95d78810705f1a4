import { CreateApiKeySchema, CreatedApiKeySchema, ListApiKeysResponseSchema } from '@roster/contracts';
import type { ApiOperation } from '../operation.ts';

/** An org's API keys (ADR 31): made and revoked by its admins signed in, never by a key. */
export const developerOperations: ApiOperation[] = [
  {
    id: 'listApiKeys',
    method: 'get',
    path: '/api/orgs/:orgId/api-keys',
    tag: 'Developers',
    summary: "The org's API keys that are not revoked, newest first (admins)",
    description: 'Never a secret: each key shows its prefix, scopes, creator, last use (time and address) and expiry.',
    access: 'session',
    success: { status: 200, description: 'The keys', content: { json: ListApiKeysResponseSchema } },
    errors: ['API_KEY_SCOPE_MISSING'],
  },
  {
    id: 'createApiKey',
    method: 'post',
    path: '/api/orgs/:orgId/api-keys',
    tag: 'Developers',
    summary: 'Make an API key (admins; the `admin` scope only by the org’s creator)',
    description:
      'The answer holds the key (`rk_<prefix>_<secret>`) this once: only its SHA-256 hash is kept. Send it as `Authorization: Bearer <key>`; it acts as the organization, on the routes its scopes name. Audited as `api_key.created`.',
    access: 'session',
    body: CreateApiKeySchema,
    success: { status: 201, description: 'The key, shown once', content: { json: CreatedApiKeySchema } },
    errors: ['LIMIT_EXCEEDED', 'API_KEY_SCOPE_MISSING'],
  },
  {
    id: 'revokeApiKey',
    method: 'delete',
    path: '/api/orgs/:orgId/api-keys/:id',
    tag: 'Developers',
    summary: 'Revoke an API key at once, on every server (admins)',
    description: 'Its next request is refused `API_KEY_REVOKED`. Audited as `api_key.revoked`.',
    access: 'session',
    success: { status: 204, description: 'Revoked' },
    errors: ['NOT_FOUND', 'API_KEY_SCOPE_MISSING'],
  },
];
