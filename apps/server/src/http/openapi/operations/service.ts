import { z } from 'zod';
import { HealthSchema } from '@roster/contracts';
import type { ApiOperation } from '../operation.ts';

export const OPENAPI_PATH = '/api/openapi.json';
export const ASYNCAPI_PATH = '/api/asyncapi.json';

export const serviceOperations: ApiOperation[] = [
  {
    id: 'health',
    method: 'get',
    path: '/api/health',
    tag: 'Service',
    summary: 'Whether the server is up (once migrated)',
    access: 'public',
    success: { status: 200, description: 'Up', content: { json: HealthSchema } },
    errors: [],
  },
  {
    id: 'openApiDocument',
    method: 'get',
    path: OPENAPI_PATH,
    tag: 'Service',
    summary: 'This document (OpenAPI 3.1)',
    access: 'public',
    // The document describes itself only as JSON: its own schema would be the OpenAPI schema.
    success: {
      status: 200,
      description: 'The OpenAPI document',
      content: { json: z.looseObject({ openapi: z.string() }) },
    },
    errors: [],
  },
  {
    id: 'asyncApiDocument',
    method: 'get',
    path: ASYNCAPI_PATH,
    tag: 'Service',
    summary: 'The live protocol: every Socket.IO event and its payload (AsyncAPI 3.0)',
    access: 'public',
    success: {
      status: 200,
      description: 'The AsyncAPI document',
      content: { json: z.looseObject({ asyncapi: z.string() }) },
    },
    errors: [],
  },
];
