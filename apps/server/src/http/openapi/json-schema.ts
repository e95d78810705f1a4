import { z } from 'zod';
import * as contracts from '@roster/contracts';

export type JsonSchema = Record<string, unknown>;

/** Where shared schemas live in the document. */
export const COMPONENTS = '#/components/schemas/';

/** Each contracts schema by its exported name less `Schema`: the component it becomes. */
export function contractNames(): Map<z.ZodType, string> {
  const names = new Map<z.ZodType, string>();
  for (const [key, value] of Object.entries(contracts)) {
    if (key.endsWith('Schema') && value instanceof z.ZodType && !names.has(value)) names.set(value, key.slice(0, -6));
  }
  return names;
}

/** JSON Schema 2020-12, OpenAPI 3.1's own dialect, as zod writes it; transforms become `{}`. */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  return bare(z.toJSONSchema(schema, { io, unrepresentable: 'any' }));
}

/** Each schema as a component named by `names`, refs between them pointing at the components. */
export function componentsOf(names: Map<z.ZodType, string>, io: 'input' | 'output'): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [schema, id] of names) registry.add(schema, { id });
  const written = z.toJSONSchema(registry, { io, unrepresentable: 'any', uri: (id) => `${COMPONENTS}${id}` });
  return Object.fromEntries(Object.entries(written.schemas).map(([id, schema]) => [id, bare(schema as JsonSchema)]));
}

/** The document names the dialect once; a component needs neither its own nor an id. */
function bare(schema: JsonSchema): JsonSchema {
  const { $schema: _dialect, $id: _id, ...rest } = schema;
  return rest;
}

/** The components `from` refers to, following refs between components too. */
export function reachable(from: unknown, all: Record<string, JsonSchema>): Record<string, JsonSchema> {
  const kept: Record<string, JsonSchema> = {};
  const queue = componentRefsIn(from);
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (name in kept || !(name in all)) continue;
    kept[name] = all[name]!;
    queue.push(...componentRefsIn(all[name]));
  }
  return kept;
}

/** The names of the components a value refers to. */
function componentRefsIn(value: unknown): string[] {
  return refsIn(value).flatMap((ref) => (ref.startsWith(COMPONENTS) ? [ref.slice(COMPONENTS.length)] : []));
}

/** Every `$ref` in a value, as written. */
export function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === '$ref' && typeof inner === 'string' ? [inner] : refsIn(inner),
  );
}
