import { orgRoleLabel, workspaceRoleLabel } from '@roster/contracts';

/** What an entry changed, for reading: "Role: Member → Admin", and the keys not worth spelling out. */
export interface AuditDiff {
  lines: string[];
  /** Changed keys whose values are lists or objects (grants, members): named, not shown. */
  otherKeys: string[];
}

const FIELD_LABELS: Record<string, string> = {
  role: 'Role',
  name: 'Name',
  email: 'Email',
  slug: 'Address',
  status: 'Status',
  lite: 'Lite seat',
  creatorId: 'Creator',
};

const ROLE_LABELS: Record<string, string> = { ...orgRoleLabel, ...workspaceRoleLabel };

/** Keys that identify what changed rather than describe it. */
const IDENTIFYING_KEYS = new Set(['id', 'userId', 'workspaceId', 'orgId', 'version']);

/**
 * The readable difference between an entry's `before` and `after`: each changed plain value as
 * "Label: old → new" (only the new value for a creation, "was" for a removal), and the names of
 * changed keys whose values are structures.
 */
export function auditDiff(before: unknown, after: unknown): AuditDiff {
  const from = asRecord(before);
  const to = asRecord(after);
  const lines: string[] = [];
  const otherKeys: string[] = [];
  const keys = new Set([...Object.keys(from ?? {}), ...Object.keys(to ?? {})]);
  for (const key of keys) {
    if (IDENTIFYING_KEYS.has(key)) continue;
    const old = from?.[key];
    const next = to?.[key];
    if (JSON.stringify(old) === JSON.stringify(next)) continue;
    if (!isPlain(old) || !isPlain(next)) {
      otherKeys.push(fieldLabel(key));
      continue;
    }
    const label = fieldLabel(key);
    if (!from) lines.push(`${label}: ${formatValue(key, next)}`);
    else if (!to) lines.push(`${label} was ${formatValue(key, old)}`);
    else lines.push(`${label}: ${formatValue(key, old)} → ${formatValue(key, next)}`);
  }
  return { lines, otherKeys };
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

const isPlain = (value: unknown) => value === undefined || value === null || typeof value !== 'object';

/** `inviteTtlHours` → "Invite ttl hours", unless the key has a better name. */
function fieldLabel(key: string): string {
  const known = FIELD_LABELS[key];
  if (known) return known;
  const words = key
    .replaceAll(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replaceAll('_', ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function formatValue(key: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return 'none';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (typeof value === 'string') return key === 'role' ? (ROLE_LABELS[value] ?? value) : value;
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}
