import type { z } from 'zod';
import { COOKIE_PREFIX } from '../../auth/auth.ts';
import { errorResponses } from './error-responses.ts';
import { jsonSchemaOf, type JsonSchema } from './json-schema.ts';
import type { ApiOperation, ContentSpec, HeaderSpec } from './operation.ts';

/** An operation as the document holds it. */
export interface OpenApiOperation {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  parameters: Array<Record<string, unknown>>;
  requestBody?: Record<string, unknown>;
  responses: Record<string, OpenApiResponse>;
  security: Array<Record<string, string[]>>;
}
export interface OpenApiResponse {
  description: string;
  headers?: Record<string, unknown>;
  content?: Record<string, { schema: JsonSchema }>;
}

const MEDIA_TYPES: Record<keyof ContentSpec, string> = {
  json: 'application/json',
  ndjson: 'application/x-ndjson',
  csv: 'text/csv',
};

const PATH_PARAMETERS: Record<string, string> = {
  orgId: "The organization's id",
  userId: "A person's user id",
  wsId: "The workspace's id",
  entryId: "The audit entry's id",
  token: 'The token of an invitation link',
  slug: "An organization's slug, current or left within 30 days",
  id: 'The id of the item the path names',
};

export const SESSION_COOKIE = `${COOKIE_PREFIX}.session_token`;

export const securitySchemes = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: `The session cookie signing in sets (\`__Secure-${SESSION_COOKIE}\` over https). Changes must come from the app's own Origin.`,
  },
  bearer: {
    type: 'http',
    scheme: 'bearer',
    description:
      "An org's API key (`rk_…`), for programs: `Authorization: Bearer <key>`. It acts as its organization on the operations that list the `bearer` scheme, each with the one scope it needs; no cookie and no Origin are asked of it. Each key may make 600 requests a minute, told in the `RateLimit` and `RateLimit-Policy` headers.",
  },
};

/** `/api/orgs/:orgId` as OpenAPI writes it: `/api/orgs/{orgId}`. */
export const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

/** How a schema appears in the document: a ref to its component where it has one, else written out. */
export type SchemaRef = (schema: z.ZodType) => JsonSchema;

export function operationObject(op: ApiOperation, ref: { request: SchemaRef; response: SchemaRef }): OpenApiOperation {
  return {
    operationId: op.id,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    parameters: parameters(op),
    ...(op.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: ref.request(op.body) } } } }
      : {}),
    responses: { [String(op.success.status)]: success(op, ref.response), ...errorResponses(op) },
    security: security(op),
  };
}

/** What every answer to an API key carries (draft-ietf-httpapi-ratelimit-headers). */
const RATE_LIMIT_HEADERS = {
  'RateLimit-Policy': {
    description: 'The key\'s quota: `"default";q=<requests>;w=<seconds>` (answers to an API key only)',
    schema: { type: 'string' },
  },
  RateLimit: {
    description: 'What is left of it: `"default";r=<remaining>;t=<seconds until reset>` (answers to an API key only)',
    schema: { type: 'string' },
  },
};

function success(op: ApiOperation, ref: SchemaRef): OpenApiResponse {
  const { description, content } = op.success;
  const media = Object.entries(content ?? {}) as Array<[keyof ContentSpec, z.ZodType]>;
  const headers = {
    ...Object.fromEntries((op.success.headers ?? []).map((spec) => [spec.name, header(spec, 'output')])),
    ...(op.apiKeyScope ? RATE_LIMIT_HEADERS : {}),
  };
  return {
    description,
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    ...(media.length > 0
      ? { content: Object.fromEntries(media.map(([kind, schema]) => [MEDIA_TYPES[kind], { schema: ref(schema) }])) }
      : {}),
  };
}

function parameters(op: ApiOperation) {
  const list: Array<Record<string, unknown>> = [];
  for (const [, name = ''] of op.path.matchAll(/:(\w+)/g)) {
    list.push({ name, in: 'path', required: true, description: PATH_PARAMETERS[name], schema: { type: 'string' } });
  }
  if (op.query) {
    const query = jsonSchemaOf(op.query, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, { description, ...schema }] of Object.entries(query.properties ?? {})) {
      list.push({ name, in: 'query', required: query.required?.includes(name) ?? false, description, schema });
    }
  }
  for (const spec of op.requestHeaders ?? []) list.push({ name: spec.name, in: 'header', ...header(spec, 'input') });
  return list;
}

function header(spec: HeaderSpec, io: 'input' | 'output') {
  return { description: spec.description, required: spec.required ?? false, schema: jsonSchemaOf(spec.schema, io) };
}

function security(op: ApiOperation): Array<Record<string, string[]>> {
  if (op.access === 'public') return [];
  if (op.access === 'optional') return [{}, { session: [] }];
  return op.apiKeyScope ? [{ session: [] }, { bearer: [op.apiKeyScope] }] : [{ session: [] }];
}
