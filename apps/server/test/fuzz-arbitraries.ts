import fc, { type Arbitrary } from 'fast-check';
import type { z } from 'zod';
import { IdSchema, VersionSchema } from '@roster/contracts';

/** Real values of the world under test, so valid requests reach past "not found" into the rules. */
export interface Pools {
  /** Ids by the name of the path parameter or body field that carries them (`orgId`, `userId`…). */
  byName: Record<string, string[]>;
  /** Every id of the world, for fields of no particular kind. */
  ids: string[];
  emails: string[];
  tokens: string[];
  cursors: string[];
}

/** Characters no person types, which PostgreSQL refuses (NUL) or cannot encode (lone surrogates). */
const untypeable = fc.constantFrom('\u0000', '\u0001', '\u0007', '\u001b', '\u007f', '\u0085', '\ud800', '\udfff');

/** Dates as strings: some PostgreSQL stores, some only JavaScript reads, some nobody does. */
export const dateString: Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '1',
    'yesterday',
    '2026-13-45T00:00:00.000Z',
    '0000-01-01T00:00:00.000Z',
    '-271821-04-20T00:00:00.000Z',
    '+275760-09-13T00:00:00.000Z',
    '2026-01-01T00:00:00Z',
  ),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);

/**
 * Strings that have broken servers, each class drawn as often as the others: control
 * characters and lone surrogates inside ordinary text, lengths past every limit, odd dates,
 * look-alikes and injection attempts, and random code points.
 */
export const nastyString: Arbitrary<string> = fc.oneof(
  fc.tuple(fc.string({ maxLength: 8 }), untypeable, fc.string({ maxLength: 8 })).map((p) => p.join('')),
  fc.constantFrom('', ' ', '\r\n', '\t', '\u200b\u202e\ufeff', '👩🏽‍💻', 'ＡＤＭＩＮ', '%00', '%', '_', '\\'),
  fc.constantFrom("' or 1=1 --", '../..', '<script>', 'null', '1e400', '-1', '2147483648', 'ADMIN', '__proto__'),
  fc.constantFrom(65, 81, 101, 129, 201, 257, 321, 501, 513, 1025, 2049, 5000, 70_000).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 30, max: 3000 }).map((n) => 'é'.repeat(n)),
  dateString,
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** A cursor in the server's own encoding (base64url JSON, as any client can read) holding anything. */
export const forgedCursor: Arbitrary<string> = fc
  .array(
    fc.oneof(dateString, nastyString, fc.constantFrom('members:name', 'members:joinedAt', 'invitations', 'ADMIN')),
    {
      minLength: 1,
      maxLength: 4,
    },
  )
  .map((parts) => Buffer.from(JSON.stringify(parts)).toString('base64url'));

/** A valid string with something no person types slipped into it. */
const spoiled = (value: string) =>
  fc.tuple(fc.nat(value.length), untypeable).map(([at, bad]) => `${value.slice(0, at)}${bad}${value.slice(at)}`);

/** Values of the wrong kind for any field. */
export const nastyValue: Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 31, 2 ** 53, -(2 ** 63), 1e308, [], {}, [null], { $ne: 1 }),
  fc.array(nastyString, { maxLength: 3 }),
  fc.constantFrom(
    deeplyNested(200),
    Array.from({ length: 300 }, (_, i) => i),
  ),
);

function deeplyNested(depth: number): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** Valid-looking values for a field, drawn from what the world holds where the schema allows it. */
export function validFor(schema: z.ZodType, pools: Pools, key = ''): Arbitrary<unknown> {
  if (schema === IdSchema) {
    const own = pools.byName[key.replace(/s$/, '')] ?? pools.byName[key] ?? pools.ids;
    return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...own) }, fc.uuid());
  }
  if (schema === VersionSchema || key === 'version') return fc.integer({ min: 1, max: 4 });
  const def = (schema as unknown as { _zod: { def: ZodDef } })._zod.def;
  switch (def.type) {
    case 'optional':
    case 'default':
      return fc.option(validFor(def.innerType!, pools, key), { nil: undefined, freq: 2 });
    case 'nullable':
      return fc.option(validFor(def.innerType!, pools, key), { nil: null });
    case 'object':
      return fc.record(Object.fromEntries(Object.entries(def.shape!).map(([k, v]) => [k, validFor(v, pools, k)])));
    case 'array': {
      const bounds = schema as unknown as { minLength: number | null; maxLength: number | null };
      const min = bounds.minLength ?? 0;
      return fc.array(validFor(def.element!, pools, key), { minLength: min, maxLength: Math.max(min, 3) });
    }
    case 'union':
      return fc.oneof(...def.options!.map((option) => validFor(option, pools, key)));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries!));
    case 'literal':
      return fc.constantFrom(...def.values!);
    case 'boolean':
      return fc.boolean();
    case 'number':
      return validNumber(schema);
    case 'string':
      return validString(schema, pools, key);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

interface ZodDef {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string>;
  values?: unknown[];
}

function validNumber(schema: z.ZodType): Arbitrary<number> {
  const n = schema as unknown as { minValue: number | null; maxValue: number | null };
  const min = Math.max(n.minValue ?? -10, -1_000_000);
  return fc.integer({ min, max: Math.min(n.maxValue ?? 1_000, Math.max(min, 1_000)) });
}

function validString(schema: z.ZodType, pools: Pools, key: string): Arbitrary<string> {
  const s = schema as unknown as { format: string | null; minLength: number | null; maxLength: number | null };
  if (s.format === 'email' || /email/i.test(key)) return fc.constantFrom(...pools.emails);
  if (key === 'cursor') return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...pools.cursors) }, forgedCursor);
  if (key === 'token') return fc.constantFrom(...pools.tokens);
  if (/url|redirect/i.test(key)) return fc.constantFrom('/verified', '/account', 'https://evil.example/');
  if (key === 'code') return fc.stringMatching(/^\d{6}$/);
  if (key === 'q')
    return fc.oneof(fc.constantFrom('a', 'ada', 'Tester', 'example.test', ' x '), fc.string({ maxLength: 8 }));
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 60, 60);
  return fc.string({ minLength: min, maxLength: Math.max(min, max) });
}

/** A valid value with one thing broken: a field replaced, dropped, or a key added. */
export function broken(valid: Arbitrary<unknown>): Arbitrary<unknown> {
  return fc.oneof(
    fc.tuple(valid, fc.nat(), nastyValue).map(([value, pick, bad]) => replaceLeaf(value, pick, bad)),
    fc.tuple(valid, fc.nat()).chain(([value, pick]) => spoilLeaf(value, pick)),
    fc.tuple(valid, fc.nat()).map(([value, pick]) => dropKey(value, pick)),
    fc
      .tuple(valid, fc.constantFrom('__proto__', 'constructor', 'extra', 'version', 'role'), nastyValue)
      .map(([value, key, bad]) => (isObject(value) ? { ...value, [key]: bad } : { [key]: bad })),
    nastyValue,
  );
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The path to every field and item inside a value, nested ones included. */
function leaves(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  const children = Array.isArray(value) ? value.entries() : isObject(value) ? Object.entries(value) : [];
  return [...children].flatMap(([k, child]) => [[...path, k], ...leaves(child, [...path, k])]);
}

function replaceAt(value: unknown, path: Array<string | number>, bad: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  node[path.at(-1)!] = bad;
  return copy;
}

function replaceLeaf(value: unknown, pick: number, bad: unknown): unknown {
  const paths = leaves(value);
  return paths.length ? replaceAt(value, paths[pick % paths.length]!, bad) : bad;
}

/** A string leaf spoiled in place, so the body keeps its shape and reaches deeper code. */
function spoilLeaf(value: unknown, pick: number): Arbitrary<unknown> {
  const paths = leaves(value).filter((path) => typeof at(value, path) === 'string');
  if (typeof value === 'string') return spoiled(value);
  if (!paths.length) return fc.constant(value);
  const path = paths[pick % paths.length]!;
  return spoiled(at(value, path) as string).map((bad) => replaceAt(value, path, bad));
}

const at = (value: unknown, path: Array<string | number>): unknown =>
  path.reduce<unknown>((node, step) => (node as Record<string | number, unknown>)[step], value);

function dropKey(value: unknown, pick: number): unknown {
  if (!isObject(value)) return value;
  const keys = Object.keys(value);
  if (!keys.length) return value;
  const { [keys[pick % keys.length]!]: _dropped, ...rest } = value;
  return rest;
}

/** A path parameter: one of the world's own ids mostly, else something no row could have. */
export function pathParam(pools: Pools, name: string): Arbitrary<string> {
  const own = name === 'token' ? pools.tokens : (pools.byName[name] ?? pools.ids);
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...own).map(percentEncode) },
    { weight: 1, arbitrary: fc.uuid() },
    {
      weight: 2,
      arbitrary: fc.oneof(
        fc
          .constantFrom(...own)
          .chain(spoiled)
          .map(percentEncode),
        nastyString.filter((s) => s !== '').map(percentEncode),
        fc.constantFrom('%C0%80', '%ED%A0%80', '%FF', '%', '%2F', '..', '.', 'x'.repeat(200)),
      ),
    },
  );
}

/**
 * Percent-encodes like `encodeURIComponent`, but a lone surrogate becomes the bytes a raw client
 * could still send for it (WTF-8), where `encodeURIComponent` would throw.
 */
function percentEncode(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    const lone = code >= 0xd800 && code <= 0xdfff;
    out += lone
      ? `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase()
      : encodeURIComponent(char);
  }
  return out;
}

/** A query string for a route's query schema: its keys valid or broken, sometimes a stray key. */
export function queryFor(schema: z.ZodType | undefined, pools: Pools): Arbitrary<string> {
  const valid = schema ? validFor(schema, pools) : fc.constant({});
  const strayKey = fc.constantFrom('q', 'cursor', 'limit', 'since', 'version', 'orgId', 'extra', 'callbackURL');
  return fc
    .tuple(
      fc.oneof({ weight: 3, arbitrary: valid }, broken(valid)),
      fc.oneof(
        { weight: 4, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.tuple(strayKey, fc.oneof(nastyString, fc.constant('1'))) },
      ),
    )
    .map(([values, stray]) => {
      const params = new URLSearchParams();
      const entries = isObject(values) ? Object.entries(values) : [['q', values] as const];
      for (const [key, value] of entries) if (value !== undefined) params.append(key, asQueryValue(value));
      if (stray) params.append(stray[0], stray[1]);
      const text = params.toString();
      return text ? `?${text}` : '';
    });
}

const asQueryValue = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));

/** A request body for a route's schema: valid, broken, or not JSON at all. */
export function bodyFor(schema: z.ZodType | undefined, pools: Pools): Arbitrary<string | undefined> {
  const valid = schema ? validFor(schema, pools) : fc.constant({});
  return fc.oneof(
    { weight: 4, arbitrary: valid.map((v) => JSON.stringify(v ?? {})) },
    { weight: 4, arbitrary: broken(valid).map((v) => JSON.stringify(v) ?? 'undefined') },
    { weight: 1, arbitrary: fc.constantFrom('{"name":', '', 'null', '[]', '"text"', '{"a":1}{', '\u0000') },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

/** Headers a caller may add: an idempotency key (fine or not), or a body type we do not take. */
export const extraHeaders: Arbitrary<Record<string, string>> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({}) },
  {
    weight: 1,
    arbitrary: fc
      .oneof(fc.uuid(), fc.constantFrom('', ' ', 'k\u0001', 'é'.repeat(300), 'x'.repeat(5000)))
      .map((key) => ({ 'idempotency-key': key })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom({ 'content-type': 'text/plain' }, { 'content-type': 'application/json; x' }),
  },
);
