/**
 * What never reaches a log. Keys are censored wherever they appear in a line's data (one level
 * deep, which is all our log calls pass); strings are scrubbed of the secrets that travel inside
 * them: invitation and reset tokens in paths, tokens and codes in query strings, credentials in URLs,
 * cookie values and bearer tokens.
 */
const SECRET_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'secret',
  'cookie',
  'authorization',
  'set-cookie',
  'code',
  'backupCodes',
];

export const REDACTED_PATHS = [
  ...SECRET_KEYS.map((key) => `["${key}"]`),
  ...SECRET_KEYS.map((key) => `*["${key}"]`),
  'headers.cookie',
  'headers.authorization',
];

const SCRUBBERS: Array<[RegExp, string]> = [
  [/(\/invitations\/)[A-Za-z0-9_-]{20,}/g, '$1[redacted]'],
  [/(\/reset-password\/)[^/?\s"']+/g, '$1[redacted]'],
  [/([?&](?:token|code|otp|callbackURL)=)[^&\s"']+/gi, '$1[redacted]'],
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+@/gi, '$1[redacted]@'],
  [/(\broster[._-][\w.-]*=)[^;\s"']+/gi, '$1[redacted]'],
  [/(\bBearer\s+)[\w.~+/-]+=*/g, '$1[redacted]'],
];

export function scrubString(text: string): string {
  return SCRUBBERS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

export function scrubValues(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'string') out[key] = scrubString(value);
    else if (value && typeof value === 'object' && !Array.isArray(value))
      out[key] = Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? scrubString(v) : v]),
      );
    else out[key] = value;
  }
  return out;
}
