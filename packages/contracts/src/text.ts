import { z } from 'zod';

// Characters a person never types into a field: C0 controls, DEL and C1 controls, and UTF-16
// surrogates without their partner (which no encoding can store). PostgreSQL refuses NUL in
// text outright, so letting one through turns bad input into a 500.
// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u001f\u007f-\u009f]/;
// Multi-line text (a reason, a note) keeps tab, line feed and carriage return.
// eslint-disable-next-line no-control-regex
const controlsButLineBreaks = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether a string holds only what a person could type (no control characters, no lone surrogates). */
export function isTypeable(value: string, options: { multiline?: boolean } = {}): boolean {
  return !(options.multiline ? controlsButLineBreaks : controls).test(value) && !loneSurrogate.test(value);
}

/** Whether PostgreSQL text can hold the string as it is (no NUL; UTF-8 has no lone surrogates). */
export function isStorable(value: string): boolean {
  return !value.includes('\u0000') && !loneSurrogate.test(value);
}

export interface TextOptions {
  /** Longest accepted value, in UTF-16 code units (what `.length` counts), after trimming. */
  max: number;
  min?: number;
  /** Trim surrounding whitespace before checking (names, search boxes). */
  trim?: boolean;
  /** Allow tab and line breaks (free text such as a reason). */
  multiline?: boolean;
  /** What to say when the (trimmed) value is shorter than `min`. */
  tooShort?: string;
}

/**
 * Every string the API accepts is registered here with its limit, so a test can walk each
 * request schema and prove that no string field is unbounded or unchecked.
 */
export const boundedText = z.registry<{ max: number }>();

/**
 * A string field of a request: bounded, and refusing control characters and lone surrogates
 * with `VALIDATION_FAILED` (through the usual validation) before anything reaches the database.
 */
export function text(options: TextOptions): z.ZodString {
  let schema = z.string();
  if (options.trim) schema = schema.trim();
  if (options.min !== undefined) {
    const fallback = options.min === 1 ? 'Enter a value' : `Use at least ${options.min} characters`;
    schema = schema.min(options.min, options.tooShort ?? fallback);
  }
  schema = schema
    .max(options.max, `Use at most ${options.max} characters`)
    .refine((value) => isTypeable(value, options), 'Remove control characters and invalid symbols');
  boundedText.add(schema, { max: options.max });
  return schema;
}

/** An email address as accounts hold it; the format already admits only printable ASCII. */
export function emailText(max: number): z.ZodEmail {
  const schema = z.email().max(max);
  boundedText.add(schema, { max });
  return schema;
}

/** Free text of a request when no narrower limit applies. */
export const SafeTextSchema = text({ max: 1000 });

/** Largest value of PostgreSQL's `integer`, the type of every version and seq column. */
export const MAX_INT4 = 2_147_483_647;
