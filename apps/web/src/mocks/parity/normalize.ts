const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** Secrets minted per request (invitation links, session tokens): random on each side. */
/** Dates as mails write them: `Fri, 11 Dec 2026 21:11:21 UTC`. */
const MAIL_DATE = /\b[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} (UTC|GMT)\b/g;
const CURSOR_KEYS = new Set(['nextCursor', 'cursor']);
const TOKEN_KEYS = new Set(['token', 'url', 'link', 'id']);

/** What differs between two runs of the same requests by chance only, per target. */
export interface Names {
  /** Every id the seed made, by what it stands for (`user:linus`, `org`, `ws:Design`). */
  known: Map<string, string>;
  /** The target's own origin, which links carry. */
  origin: string;
}

/**
 * The answer with what is random per run replaced by what it stands for: seeded ids by their
 * name, other ids numbered in order of first appearance within the case (so "the same id twice"
 * and "two different ids" still differ), times and minted tokens by a placeholder. Everything
 * else stays, versions and seqs included: both targets start every case from the same rows,
 * so those are meant to be equal and a difference there is a real one.
 */
export function normalize(value: unknown, names: Names, fresh: Map<string, string>, key = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => normalize(item, names, fresh, key));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v, names, fresh, k)] as const));
  // The mail worker sends after the change commits, on its own schedule: whether a list read
  // right after an invitation shows it queued or sent is timing, not behaviour.
  if (key === 'delivery' && value !== null) return '<delivery>';
  // Counted down from when the limit was hit: one second apart between two runs by chance.
  if (key === 'retryAfterSeconds' && typeof value === 'number') return '<seconds>';
  // Where the request came from: the server's client over loopback, the mock's over no socket.
  if (key === 'ip') return '<ip>';
  if (typeof value !== 'string') return value;
  if (key === 'csv') return namedWithin(value, names, fresh);
  if (CURSOR_KEYS.has(key)) return `cursor ${JSON.stringify(normalize(decodeCursor(value), names, fresh))}`;
  if (UUID.test(value)) return names.known.get(value) ?? idOf(value, fresh);
  if (ISO_TIME.test(value)) return '<time>';
  const local = value.split(names.origin).join('<origin>');
  if (TOKEN_KEYS.has(key) && /^[\w-]{16,}$/.test(local)) return idOf(local, fresh);
  return local.replace(MAIL_DATE, '<time>').replace(/\/(invite|invitations)\/[\w-]{16,}/g, '/$1/<token>');
}

const UUID_WITHIN = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** The server's client's address in an export's `ip` column (the mock's requests have none). */
const LOOPBACK_WITHIN = /(?<=,)(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)(?=,)/g;
const ISO_TIME_WITHIN = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})/g;

/** A line of a text download (CSV): the ids and times inside it named like whole values. */
function namedWithin(line: string, names: Names, fresh: Map<string, string>): string {
  return line
    .replace(UUID_WITHIN, (id) => names.known.get(id) ?? idOf(id, fresh))
    .replace(ISO_TIME_WITHIN, '<time>')
    .replace(LOOPBACK_WITHIN, '');
}

/** A list cursor is JSON in base64url, with the last row's id in it: compared by what it holds. */
function decodeCursor(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
  } catch {
    return cursor;
  }
}

function idOf(value: string, fresh: Map<string, string>): string {
  let name = fresh.get(value);
  if (!name) fresh.set(value, (name = `<id ${fresh.size + 1}>`));
  return name;
}
