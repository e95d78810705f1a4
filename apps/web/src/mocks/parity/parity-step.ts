/** Who acts in a step: a demo person signed in once per target, or a guest with no session yet. */
export type Person = 'ada' | 'grace' | 'linus' | 'ext';
export const people: Record<Person, string> = {
  ada: 'ada@acme.test',
  grace: 'grace@acme.test',
  linus: 'linus@acme.test',
  ext: 'ext@partner.test',
};

/**
 * One request of a case. `{name}` placeholders in the path and in body strings stand for what
 * differs per target: `{org}`, `{ws:Design}`, `{user:linus}` (any demo address's local part),
 * and whatever an earlier step saved. A body string that is only a placeholder becomes the
 * saved value itself, so a saved version stays a number.
 */
export interface Step {
  /** null: a guest; a guest who signs in (or up) during the case stays signed in for its rest. */
  as: Person | null;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  /** JSON, or a string sent as it is (malformed bodies). */
  body?: unknown;
  /** Asks again (for a few seconds) until the answer shows this: for what happens after a change commits. */
  until?: (answer: unknown) => boolean;
  /** The status both targets must answer; omitted: only that they agree. */
  expect?: number;
  /** Values for later steps: a dotted path into the answer (`results.0.invitationId`), or a function of it. */
  save?: Record<string, string | ((answer: unknown) => unknown)>;
}

export interface ParityCase {
  name: string;
  steps: Step[];
}

/** Reads loosely: a case that saves the wrong path fails on the placeholder it then misses. */
export function pick(answer: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
      answer,
    );
}

export function fill(value: unknown, scope: Record<string, unknown>): unknown {
  if (typeof value === 'string') {
    const whole = /^\{([^{}]+)\}$/.exec(value);
    if (whole) return lookUp(whole[1]!, scope);
    return value.replace(/\{([^{}]+)\}/g, (_, key: string) => String(lookUp(key, scope)));
  }
  if (Array.isArray(value)) return value.map((item) => fill(item, scope));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, scope)]));
  return value;
}

function lookUp(key: string, scope: Record<string, unknown>): unknown {
  if (!(key in scope) || scope[key] === undefined) throw new Error(`no value for {${key}}`);
  return scope[key];
}
