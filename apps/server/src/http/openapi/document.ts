import { z } from 'zod';
import { COMPONENTS, componentsOf, contractNames, jsonSchemaOf, reachable } from './json-schema.ts';
import { OPERATION_TAGS, type ApiOperation } from './operation.ts';
import { openApiPath, operationObject, securitySchemes, type OpenApiOperation } from './operation-object.ts';
import { apiOperations } from './operations/index.ts';

export type { OpenApiOperation };
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
  [key: string]: unknown;
}

/**
 * The whole document, from the operations table and the contracts. Request bodies are written
 * as zod reads them (`input`: defaults optional), answers as zod produces them (`output`), so a
 * schema is a component under one reading only; a name used both ways is refused here.
 */
export function buildOpenApiDocument(operations: readonly ApiOperation[] = apiOperations): OpenApiDocument {
  const names = contractNames();
  const bodies = new Map<z.ZodType, string>();
  for (const op of operations) {
    if (!op.body) continue;
    const name = names.get(op.body);
    if (!name) throw new Error(`The body of ${op.id} is not a schema exported from the contracts`);
    bodies.set(op.body, name);
  }
  const ref = (schema: z.ZodType, io: 'input' | 'output') => {
    const name = names.get(schema);
    return name ? { $ref: `${COMPONENTS}${name}` } : jsonSchemaOf(schema, io);
  };

  const paths: OpenApiDocument['paths'] = {};
  for (const op of operations) {
    const item = (paths[openApiPath(op.path)] ??= {});
    item[op.method] = operationObject(op, { request: (s) => ref(s, 'input'), response: (s) => ref(s, 'output') });
  }

  const requestSchemas = componentsOf(bodies, 'input');
  const answers = Object.values(paths).flatMap((item) => Object.values(item).map((op) => op.responses));
  const responseSchemas = reachable(answers, componentsOf(names, 'output'));
  const clash = Object.keys(requestSchemas).find((name) => name in responseSchemas);
  if (clash) throw new Error(`${clash} is both a request body and part of an answer`);
  const schemas = { ...responseSchemas, ...requestSchemas };

  return {
    openapi: '3.1.0',
    info: {
      title: 'Roster API',
      version: '1',
      description:
        'JSON over HTTP on the app\'s own origin, with cookie sessions. Every change is `application/json` and checked against `Origin`. Errors are always `{ "error": { "code", "message", "details" } }`: clients branch on `code`. Generated from the zod contracts the routes validate with.',
    },
    tags: Object.entries(OPERATION_TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))),
      securitySchemes,
    },
  };
}

let built: OpenApiDocument | undefined;

/** The document as served: built once, when the app is, then the same for the process's life. */
export function openApiDocument(): OpenApiDocument {
  return (built ??= buildOpenApiDocument());
}
